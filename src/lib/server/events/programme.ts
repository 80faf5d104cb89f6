// The programme of an event (plénières, tables rondes, stands, ateliers) and
// the workshops participants choose, each within its own capacity.
import type { Db, Executor, Tx } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { parisLocalToDate } from '$lib/paris-time';
import { PROGRAMME_KINDS } from '$lib/event-vocabulary';
import { getEventById } from './queries';

export interface ProgrammeItem {
	id: number;
	kind: string;
	kindLabel: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	room: string | null;
	capacity: number | null;
	chosen: number;
}

export async function listProgramme(db: Executor, eventId: number): Promise<ProgrammeItem[]> {
	const rows = await db
		.selectFrom('programme_item')
		.selectAll('programme_item')
		.select((eb) =>
			eb
				.selectFrom('registration_choice')
				.innerJoin('registration', 'registration.id', 'registration_choice.registration_id')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('registration_choice.programme_item_id', '=', 'programme_item.id')
				.where('registration.status', 'in', ['inscrit', 'present'])
				.as('chosen')
		)
		.where('event_id', '=', eventId)
		.orderBy('starts_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		kindLabel: PROGRAMME_KINDS.find((k) => k.code === r.kind)?.label ?? r.kind,
		title: r.title,
		startsAt: new Date(r.starts_at),
		endsAt: new Date(r.ends_at),
		room: r.room,
		capacity: r.capacity,
		chosen: Number(r.chosen ?? 0)
	}));
}

export interface ProgrammeItemInput {
	kind: string;
	title: string;
	startsAt: string;
	endsAt: string;
	room: string;
	capacity: string;
}

export async function addProgrammeItem(
	db: Db,
	actor: Actor | null,
	eventId: number,
	input: ProgrammeItemInput
): Promise<void> {
	assertCan(actor, 'events.manage');
	const event = await getEventById(db, eventId);
	if (!PROGRAMME_KINDS.some((k) => k.code === input.kind))
		throw new InvalidInputError(
			'Choisissez un type : plénière, table ronde, stand ou atelier.',
			'kind'
		);
	const title = input.title.trim();
	if (title.length < 3 || title.length > 200)
		throw new InvalidInputError('Donnez un titre (3 à 200 caractères).', 'title');
	const starts = parisLocalToDate(input.startsAt);
	const ends = parisLocalToDate(input.endsAt);
	if (!starts || !ends || ends <= starts)
		throw new InvalidInputError('Indiquez un début et une fin, la fin après le début.', 'startsAt');
	if (starts < event.startsAt || ends > event.endsAt)
		throw new InvalidInputError('Ce moment doit se tenir pendant l’événement.', 'startsAt');
	const capacity = input.capacity.trim();
	if (capacity && !(/^\d{1,4}$/.test(capacity) && Number(capacity) > 0))
		throw new InvalidInputError('Un nombre de places, ou rien pour illimité.', 'capacity');
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('programme_item')
			.values({
				event_id: eventId,
				kind: input.kind,
				title,
				starts_at: starts.toISOString(),
				ends_at: ends.toISOString(),
				room: input.room.trim() || null,
				capacity: capacity ? Number(capacity) : null
			})
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'event.programme.add',
			entityType: 'event',
			entityId: eventId,
			after: input
		});
	});
}

export async function deleteProgrammeItem(
	db: Db,
	actor: Actor | null,
	eventId: number,
	itemId: number
): Promise<void> {
	assertCan(actor, 'events.manage');
	const deleted = await db
		.deleteFrom('programme_item')
		.where('id', '=', itemId)
		.where('event_id', '=', eventId)
		.executeTakeFirst();
	if (Number(deleted.numDeletedRows) === 0)
		throw new NotFoundError('Moment du programme introuvable.');
}

/**
 * Records a registration's workshop choices: only this event's ateliers,
 * never two at the same time, never beyond a workshop's capacity.
 */
export async function recordChoices(
	tx: Tx,
	eventId: number,
	registrationId: number,
	itemIds: number[]
): Promise<void> {
	if (itemIds.length === 0) return;
	const programme = await listProgramme(tx, eventId);
	const chosen = itemIds.map((id) => programme.find((p) => p.id === id && p.kind === 'atelier'));
	if (chosen.some((item) => !item)) throw new InvalidInputError('Atelier inconnu.', 'workshops');
	const items = chosen as ProgrammeItem[];
	for (const [i, a] of items.entries())
		for (const b of items.slice(i + 1))
			if (a.startsAt < b.endsAt && b.startsAt < a.endsAt)
				throw new InvalidInputError(
					`« ${a.title} » et « ${b.title} » ont lieu en même temps : choisissez-en un seul.`,
					'workshops'
				);
	const full = items.find((item) => item.capacity !== null && item.chosen >= item.capacity);
	if (full)
		throw new ConflictError(
			`L’atelier « ${full.title} » est complet : choisissez-en un autre.`,
			'workshops'
		);
	await tx
		.insertInto('registration_choice')
		.values(items.map((item) => ({ registration_id: registrationId, programme_item_id: item.id })))
		.execute();
}
