// What officers type when they create or edit an event (the form, strings as
// the browser sends them), and the command the services take once it is read.
import { z } from 'zod';
import { optionalSlugField, parisDateTimeField, titleField } from '../form-fields';
import { parisLocalToDate, toParisLocalInput } from '$lib/paris-time';
import {
	ACCESSIBILITY_FEATURES,
	EVENT_AUDIENCES,
	SUPPORT_OFFERS,
	type EventAudience
} from '$lib/event-vocabulary';
import { wholeNumber } from '$lib/codes';
import { splitFicheRefs } from '../fiches/refs';

const optionalDateTime = z
	.string()
	.trim()
	.refine((v) => v === '' || parisLocalToDate(v) !== null, 'Indiquez le jour et l’heure.')
	.default('');

/** The event form's fields, as text. */
export const eventFieldsSchema = z
	.object({
		title: titleField,
		slug: optionalSlugField,
		kind: z.string().trim().min(1, 'Choisissez un type d’événement.').max(40),
		description: z.string().max(20000, '20 000 caractères au plus.').default(''),
		siteId: z.string().max(10).default(''),
		placeName: z.string().trim().max(200, '200 caractères au plus.').default(''),
		address: z.string().trim().max(300, '300 caractères au plus.').default(''),
		communeCode: z.string().trim().max(10).default(''),
		accessDirections: z.string().trim().max(2000, '2 000 caractères au plus.').default(''),
		startsAt: parisDateTimeField('le début'),
		endsAt: parisDateTimeField('la fin'),
		audience: z.enum(EVENT_AUDIENCES).default('tous'),
		capacity: z
			.string()
			.trim()
			.refine(
				(v) => v === '' || (/^\d{1,5}$/.test(v) && Number(v) > 0),
				'Un nombre de places, ou rien pour illimité.'
			)
			.default(''),
		registrationOpensAt: optionalDateTime,
		registrationClosesAt: optionalDateTime,
		accessibility: z
			.array(z.enum(ACCESSIBILITY_FEATURES.map((f) => f.code) as [string, ...string[]]))
			.default([]),
		support: z
			.array(z.enum(SUPPORT_OFFERS.map((f) => f.code) as [string, ...string[]]))
			.default([]),
		ficheRefs: z.string().max(2000).default(''),
		consultationId: z
			.string()
			.regex(/^\d{0,9}$/)
			.default(''),
		groupId: z
			.string()
			.regex(/^\d{0,9}$/)
			.default('')
	})
	.refine(
		(e) => {
			const starts = parisLocalToDate(e.startsAt);
			const ends = parisLocalToDate(e.endsAt);
			return !starts || !ends || ends > starts;
		},
		{ message: 'La fin doit venir après le début.', path: ['endsAt'] }
	)
	.refine((e) => e.audience !== 'groupe' || e.groupId !== '', {
		message: 'Choisissez le groupe dont les membres sont invités.',
		path: ['groupId']
	});
export type EventInput = z.infer<typeof eventFieldsSchema>;

/** An event as the services take it: ids, numbers, instants and lists, never form encodings. */
export interface EventCommand {
	title: string;
	/** Empty: proposed from the title. */
	slug: string;
	kind: string;
	description: string;
	siteId: number | null;
	placeName: string;
	address: string;
	communeCode: string | null;
	accessDirections: string;
	startsAt: Date;
	endsAt: Date;
	audience: EventAudience;
	/** Null: no limit. */
	capacity: number | null;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	accessibility: string[];
	support: string[];
	ficheRefs: string[];
	consultationId: number | null;
	groupId: number | null;
}

const instant = (value: string) => (value ? parisLocalToDate(value) : null);

/** The form, once eventSchema has accepted it, read into a command. */
export function readEventForm(form: EventInput): EventCommand {
	return {
		title: form.title,
		slug: form.slug,
		kind: form.kind,
		description: form.description,
		siteId: wholeNumber(form.siteId) || null,
		placeName: form.placeName,
		address: form.address,
		communeCode: form.communeCode || null,
		accessDirections: form.accessDirections,
		startsAt: instant(form.startsAt)!,
		endsAt: instant(form.endsAt)!,
		audience: form.audience,
		capacity: wholeNumber(form.capacity) || null,
		registrationOpensAt: instant(form.registrationOpensAt),
		registrationClosesAt: instant(form.registrationClosesAt),
		accessibility: form.accessibility,
		support: form.support,
		ficheRefs: splitFicheRefs(form.ficheRefs),
		consultationId: wholeNumber(form.consultationId) || null,
		groupId: wholeNumber(form.groupId) || null
	};
}

/** The event form, read into the command the services take. */
export const eventSchema = eventFieldsSchema.transform(readEventForm);

const localInput = (at: Date | null) => (at ? toParisLocalInput(at) : '');
const idText = (id: number | null) => (id === null ? '' : String(id));

/** An event as its form's fields show it. */
export function eventFields(event: EventCommand): EventInput {
	return {
		...event,
		siteId: idText(event.siteId),
		communeCode: event.communeCode ?? '',
		startsAt: localInput(event.startsAt),
		endsAt: localInput(event.endsAt),
		capacity: idText(event.capacity),
		registrationOpensAt: localInput(event.registrationOpensAt),
		registrationClosesAt: localInput(event.registrationClosesAt),
		ficheRefs: event.ficheRefs.join(', '),
		consultationId: idText(event.consultationId),
		groupId: idText(event.groupId)
	};
}

/** An event with nothing but what is given: a new event's form, or the demo's. */
export function blankEvent(
	fields: Pick<EventCommand, 'kind' | 'startsAt' | 'endsAt'> & Partial<EventCommand>
): EventCommand {
	return {
		title: '',
		slug: '',
		description: '',
		siteId: null,
		placeName: '',
		address: '',
		communeCode: null,
		accessDirections: '',
		audience: 'tous',
		capacity: null,
		registrationOpensAt: null,
		registrationClosesAt: null,
		accessibility: [],
		support: [],
		ficheRefs: [],
		consultationId: null,
		groupId: null,
		...fields
	};
}
