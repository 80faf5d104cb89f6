// The programme of an event (plénières, tables rondes, stands, ateliers) and
// the workshops participants choose, each within its own capacity.
import type { Db, Executor, Tx } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { z } from 'zod';
import { parisLocalToDate } from '$lib/paris-time';
import { wholeNumber } from '$lib/codes';
import { emptyAsNull } from '../form-fields';
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

const PROGRAMME_KIND_CODES = PROGRAMME_KINDS.map((k) => k.code) as [string, ...string[]];

/** A moment of the programme as the services take it. */
export interface ProgrammeItemCommand {
	kind: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	room: string | null;
	/** Null: no limit. */
	capacity: number | null;
}

/** The programme form, read into a ProgrammeItemCommand. */
export const programmeItemSchema = z
	.object({
		kind: z.enum(PROGRAMME_KIND_CODES, {
			error: 'Choisissez un type : plénière, table ronde, stand ou atelier.'
		}),
		title: z
			.string()
			.trim()
			.min(3, 'Donnez un titre (3 à 200 caractères).')
			.max(200, 'Donnez un titre (3 à 200 caractères).'),
		startsAt: z.string().default('').transform(parisLocalToDate),
		endsAt: z.string().default('').transform(parisLocalToDate),
		room: z.string().trim().max(100, '100 caractères au plus.').default('').transform(emptyAsNull),
		capacity: z
			.string()
			.trim()
			.default('')
			.refine(
				(v) => v === '' || (/^\d{1,4}$/.test(v) && Number(v) > 0),
				'Un nombre de places, ou rien pour illimité.'
			)
			.transform((v) => wholeNumber(v))
	})
	.refine((item) => item.startsAt && item.endsAt && item.endsAt > item.startsAt, {
		message: 'Indiquez un début et une fin, la fin après le début.',
		path: ['startsAt']
	})
	.transform((item): ProgrammeItemCommand => ({
		...item,
		startsAt: item.startsAt!,
		endsAt: item.endsAt!
	}));

export async function addProgrammeItem(
	db: Db,
	actor: Actor | null,
	eventId: number,
	item: ProgrammeItemCommand
): Promise<void> {
	assertCan(actor, 'events.manage');
	await db.transaction().execute(async (tx) => {
		const event = await getEventById(tx, eventId);
		if (item.startsAt < event.startsAt || item.endsAt > event.endsAt)
			throw new InvalidInputError('Ce moment doit se tenir pendant l’événement.', 'startsAt');
		await tx
			.insertInto('programme_item')
			.values({
				event_id: eventId,
				kind: item.kind,
				title: item.title,
				starts_at: item.startsAt.toISOString(),
				ends_at: item.endsAt.toISOString(),
				room: item.room,
				capacity: item.capacity
			})
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'event.programme.add',
			entityType: 'event',
			entityId: eventId,
			after: item
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
