// Domain types of events and the rules that need no database.
import { oneOf } from '$lib/codes';
import type { Selectable } from 'kysely';
import type { EventTable } from '../db/schema';
import { fromDbDate, fromDbJson } from '../db/codecs';
import {
	EVENT_AUDIENCES,
	EVENT_STATUSES,
	type EventAudience,
	type EventStatus
} from '$lib/event-vocabulary';
import { placeWords } from '$lib/place';

export interface EventPlace {
	siteName: string | null;
	placeName: string | null;
	address: string | null;
	/** How to find the place, from the site's reference data. */
	directions: string | null;
	communeName: string | null;
	communeCode: string | null;
	territoryName: string | null;
	territoryCode: string | null;
}

export interface ConcertoEvent {
	id: number;
	slug: string;
	kind: string;
	kindLabel: string;
	title: string;
	description: string;
	place: EventPlace;
	accessDirections: string;
	startsAt: Date;
	endsAt: Date;
	audience: EventAudience;
	capacity: number | null;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	accessibility: string[];
	support: string[];
	status: EventStatus;
	cancellationReason: string | null;
	minutes: string;
	minutesPublishedAt: Date | null;
	reportedParticipants: number | null;
	reportedResidents: number | null;
	registered: number;
	waiting: number;
}

export type EventRow = Selectable<EventTable> & {
	kind_label: string;
	site_name: string | null;
	site_address: string | null;
	site_directions: string | null;
	commune_name: string | null;
	territory_name: string | null;
	territory_code: string | null;
	registered: number | null;
	waiting: number | null;
};

export function eventFromRow(row: EventRow): ConcertoEvent {
	return {
		id: row.id,
		slug: row.slug,
		kind: row.kind,
		kindLabel: row.kind_label,
		title: row.title,
		description: row.description,
		place: {
			siteName: row.site_name,
			placeName: row.place_name,
			// A maison des solidarités gives its address unless the event has its own.
			address: row.address ?? row.site_address,
			directions: row.site_directions,
			communeName: row.commune_name,
			communeCode: row.commune_insee_code,
			territoryName: row.territory_name,
			territoryCode: row.territory_code
		},
		accessDirections: row.access_directions,
		startsAt: fromDbDate(row.starts_at),
		endsAt: fromDbDate(row.ends_at),
		audience: oneOf(EVENT_AUDIENCES, row.audience, 'invitation'),
		capacity: row.capacity,
		registrationOpensAt: fromDbDate(row.registration_opens_at),
		registrationClosesAt: fromDbDate(row.registration_closes_at),
		accessibility: fromDbJson<string[]>(row.accessibility, []),
		support: fromDbJson<string[]>(row.support, []),
		status: oneOf(EVENT_STATUSES, row.status, 'brouillon'),
		cancellationReason: row.cancellation_reason,
		minutes: row.minutes,
		minutesPublishedAt: fromDbDate(row.minutes_published_at),
		reportedParticipants: row.reported_participants,
		reportedResidents: row.reported_residents,
		registered: Number(row.registered ?? 0),
		waiting: Number(row.waiting ?? 0)
	};
}

export function isFull(event: ConcertoEvent): boolean {
	return event.capacity !== null && event.registered >= event.capacity;
}

/** What the public sees: « complet » and « terminé » follow from the counts and the clock. */
export function displayStatus(event: ConcertoEvent, now = new Date()): EventStatus | 'complet' {
	if (event.status === 'publie' && event.endsAt < now) return 'termine';
	if (event.status === 'publie' && isFull(event)) return 'complet';
	return event.status;
}

/** Why registering is not possible now, or null when it is. */
export function registrationClosedReason(event: ConcertoEvent, now = new Date()): string | null {
	if (event.status === 'annule') return 'Cet événement est annulé.';
	if (event.status !== 'publie' || event.endsAt < now) return 'Les inscriptions sont fermées.';
	if (event.audience === 'groupe')
		return 'Cette réunion est réservée aux membres du groupe : une fois connectés, ils répondent depuis « Mes groupes ».';
	if (event.audience === 'invitation')
		return 'Cet événement est réservé aux personnes invitées : contactez l’équipe participation.';
	if (event.registrationOpensAt && now < event.registrationOpensAt)
		return 'Les inscriptions ne sont pas encore ouvertes.';
	if (event.registrationClosesAt && now > event.registrationClosesAt)
		return 'Les inscriptions sont closes.';
	if (event.startsAt < now) return 'L’événement a commencé : les inscriptions sont fermées.';
	return null;
}

/** One line saying where, for lists, calendars and e-mails. */
export function placeLine(place: EventPlace): string {
	return placeWords(place).join(', ');
}
