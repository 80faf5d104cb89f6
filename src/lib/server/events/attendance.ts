// At the door: tick who came, add who walked in, count by category
// (« 174 participants dont 10 habitants »), and take notes that become
// contributions of the event.
import { oneOf } from '$lib/codes';
import type { Figure } from '$lib/disclosure';
import { protectHeadcount } from '../statistics/public-figures';
import { getDisclosureThreshold } from '../settings/settings';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb, fromDbBool } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { foldForSearch } from '../text';
import {
	PARTICIPANT_CATEGORIES,
	type ParticipantCategory,
	type RegistrationStatus
} from '$lib/event-vocabulary';
import { getEventById } from './queries';
import { byFrench } from '../db/database';

function category(value: string): ParticipantCategory {
	const code = oneOf(PARTICIPANT_CATEGORIES, value);
	if (!code)
		throw new InvalidInputError(
			'Choisissez une catégorie : habitant, professionnel, partenaire ou élu.',
			'category'
		);
	return code;
}

export interface AttendanceRow {
	id: number;
	name: string;
	status: RegistrationStatus;
	category: ParticipantCategory | null;
	walkIn: boolean;
	/** What the person said she needs, for the officer at the door. */
	needs: string[];
	needsDetail: string;
}

export interface AttendanceTotals {
	present: number;
	byCategory: Record<ParticipantCategory | 'non_precise', number>;
}

export async function attendanceSheet(
	db: Executor,
	actor: Actor | null,
	eventId: number,
	search = ''
): Promise<{ rows: AttendanceRow[]; totals: AttendanceTotals }> {
	assertCan(actor, 'events.manage');
	const all = await db
		.selectFrom('registration')
		.select(['id', 'name', 'status', 'category', 'walk_in', 'needs', 'needs_detail'])
		.where('event_id', '=', eventId)
		.where('status', 'in', ['inscrit', 'attente', 'present', 'absent'])
		.orderBy(byFrench('name'))
		.execute();
	const rows = all.map((r): AttendanceRow => ({
		id: r.id,
		name: r.name,
		status: r.status,
		category: r.category,
		walkIn: fromDbBool(r.walk_in),
		needs: fromDbJson<string[]>(r.needs, []),
		needsDetail: r.needs_detail
	}));
	const totals: AttendanceTotals = {
		present: 0,
		byCategory: { habitant: 0, professionnel: 0, partenaire: 0, elu: 0, non_precise: 0 }
	};
	for (const row of rows.filter((r) => r.status === 'present')) {
		totals.present++;
		totals.byCategory[row.category ?? 'non_precise']++;
	}
	const folded = foldForSearch(search);
	return {
		rows: folded ? rows.filter((r) => foldForSearch(r.name).includes(folded)) : rows,
		totals
	};
}

async function registrationOf(db: Executor, eventId: number, registrationId: number) {
	const row = Number.isSafeInteger(registrationId)
		? await db
				.selectFrom('registration')
				.select(['id', 'status', 'name'])
				.where('id', '=', registrationId)
				.where('event_id', '=', eventId)
				.executeTakeFirst()
		: undefined;
	if (!row) throw new NotFoundError('Inscription introuvable.');
	return row;
}

export async function checkIn(
	db: Db,
	actor: Actor | null,
	eventId: number,
	registrationId: number,
	categoryValue: string
): Promise<string> {
	assertCan(actor, 'events.manage');
	const chosen = category(categoryValue);
	const registration = await registrationOf(db, eventId, registrationId);
	if (registration.status === 'annule') throw new ConflictError('Cette inscription a été annulée.');
	const now = nowForDb();
	await db
		.updateTable('registration')
		.set({ status: 'present', category: chosen, checked_in_at: now, updated_at: now })
		.where('id', '=', registrationId)
		.execute();
	return registration.name;
}

export async function undoCheckIn(
	db: Db,
	actor: Actor | null,
	eventId: number,
	registrationId: number
): Promise<string> {
	assertCan(actor, 'events.manage');
	const registration = await registrationOf(db, eventId, registrationId);
	await db
		.updateTable('registration')
		.set({ status: 'inscrit', checked_in_at: null, updated_at: nowForDb() })
		.where('id', '=', registrationId)
		.where('status', '=', 'present')
		.execute();
	return registration.name;
}

export async function addWalkIn(
	db: Db,
	actor: Actor | null,
	eventId: number,
	name: string,
	categoryValue: string
): Promise<void> {
	assertCan(actor, 'events.manage');
	await getEventById(db, eventId);
	const trimmed = name.trim();
	if (trimmed.length < 2 || trimmed.length > 120)
		throw new InvalidInputError('Écrivez le nom de la personne (2 à 120 caractères).', 'name');
	const chosen = category(categoryValue);
	const now = nowForDb();
	await db
		.insertInto('registration')
		.values({
			event_id: eventId,
			status: 'present',
			name: trimmed,
			needs: '[]',
			needs_detail: '',
			category: chosen,
			walk_in: 1,
			checked_in_at: now,
			created_at: now,
			updated_at: now
		})
		.execute();
}

/** After the event: whoever was registered and not ticked is marked absent. */
export async function closeAttendance(
	db: Db,
	actor: Actor | null,
	eventId: number
): Promise<number> {
	assertCan(actor, 'events.manage');
	const result = await db.transaction().execute(async (tx) => {
		const updated = await tx
			.updateTable('registration')
			.set({ status: 'absent', updated_at: nowForDb() })
			.where('event_id', '=', eventId)
			.where('status', '=', 'inscrit')
			.executeTakeFirst();
		await recordAudit(tx, {
			actor,
			action: 'event.attendance.close',
			entityType: 'event',
			entityId: eventId
		});
		return Number(updated.numUpdatedRows);
	});
	return result;
}

/** A note or a verbatim heard at the event, kept as a contribution for triage. */
export async function addEventContribution(
	db: Db,
	actor: Actor | null,
	eventId: number,
	text: string
): Promise<void> {
	assertCan(actor, 'events.manage');
	const event = await getEventById(db, eventId);
	const trimmed = text.trim();
	if (trimmed.length < 3 || trimmed.length > 5000)
		throw new InvalidInputError('Écrivez la note ou le verbatim (3 à 5 000 caractères).', 'text');
	const territory = event.place.territoryCode
		? await db
				.selectFrom('territory')
				.select('id')
				.where('code', '=', event.place.territoryCode)
				.executeTakeFirst()
		: undefined;
	await db
		.insertInto('contribution')
		.values({
			source: 'evenement',
			event_id: eventId,
			text: trimmed,
			commune_insee_code: event.place.communeCode,
			territory_id: territory?.id ?? null,
			entered_by_label: actor.displayName,
			search_text: foldForSearch(trimmed),
			created_at: nowForDb()
		})
		.execute();
}

export async function listEventContributions(db: Executor, actor: Actor | null, eventId: number) {
	assertCan(actor, 'events.manage');
	return db
		.selectFrom('contribution')
		.select(['id', 'text', 'entered_by_label', 'created_at'])
		.where('event_id', '=', eventId)
		.orderBy('id', 'desc')
		.execute();
}

export async function saveMinutes(
	db: Db,
	actor: Actor | null,
	eventId: number,
	minutes: string,
	publish: boolean
): Promise<void> {
	assertCan(actor, 'events.manage');
	await getEventById(db, eventId);
	if (minutes.length > 50_000) throw new InvalidInputError('50 000 caractères au plus.', 'minutes');
	if (publish && !minutes.trim())
		throw new InvalidInputError('Écrivez le compte rendu avant de le publier.', 'minutes');
	const now = nowForDb();
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('event')
			.set({ minutes, minutes_published_at: publish ? now : null, updated_at: now })
			.where('id', '=', eventId)
			.execute();
		await recordAudit(tx, {
			actor,
			action: publish ? 'event.minutes.publish' : 'event.minutes.save',
			entityType: 'event',
			entityId: eventId
		});
	});
}

/** « 174 participants dont 10 habitants », for the public page of a past event. */
export async function publicAttendance(
	db: Executor,
	event: { id: number; reportedParticipants: number | null; reportedResidents: number | null }
): Promise<{ participants: number; residents: number | null } | null> {
	if (event.reportedParticipants !== null)
		return { participants: event.reportedParticipants, residents: event.reportedResidents };
	const row = await db
		.selectFrom('registration')
		.select((eb) => [
			eb.fn.countAll<number>().as('present'),
			eb.fn
				.sum<number>(eb.case().when('category', '=', 'habitant').then(1).else(0).end())
				.as('residents')
		])
		.where('event_id', '=', event.id)
		.where('status', '=', 'present')
		.executeTakeFirstOrThrow();
	const present = Number(row.present);
	return present ? { participants: present, residents: Number(row.residents ?? 0) } : null;
}

/** The attendance as the event's public page prints it, protected by disclosure control. */
export async function publishedAttendance(
	db: Executor,
	event: { id: number; reportedParticipants: number | null; reportedResidents: number | null }
): Promise<{ participants: Figure; residents: Figure | null; threshold: number } | null> {
	const [attendance, threshold] = await Promise.all([
		publicAttendance(db, event),
		getDisclosureThreshold(db)
	]);
	return attendance && { ...protectHeadcount(attendance, threshold), threshold };
}
