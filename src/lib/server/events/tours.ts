// Field tours (« aller vers »): a tour is a list of half-day stops where
// agents meet residents; interviews there are entered as consultation
// responses of the channel « terrain » tied to the stop.
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import { isIsoDate } from '../consultations/answers';
import { HALF_DAYS } from '$lib/event-vocabulary';
import { getEventById } from './queries';

export interface TourStop {
	id: number;
	eventId: number;
	day: string;
	halfDay: string;
	halfDayLabel: string;
	communeCode: string;
	communeName: string;
	place: string;
	agents: string;
	interviews: number;
}

export async function listTourStops(db: Executor, eventId: number): Promise<TourStop[]> {
	const rows = await db
		.selectFrom('tour_stop')
		.innerJoin('commune', 'commune.insee_code', 'tour_stop.commune_insee_code')
		.selectAll('tour_stop')
		.select((eb) => [
			'commune.name as commune_name',
			eb
				.selectFrom('response')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('response.tour_stop_id', '=', 'tour_stop.id')
				.where('response.status', '=', 'envoyee')
				.as('interviews')
		])
		.where('tour_stop.event_id', '=', eventId)
		.orderBy('tour_stop.day')
		.orderBy('tour_stop.half_day', 'desc')
		.orderBy('tour_stop.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		eventId: r.event_id,
		day: r.day,
		halfDay: r.half_day,
		halfDayLabel: HALF_DAYS.find((h) => h.code === r.half_day)?.label ?? r.half_day,
		communeCode: r.commune_insee_code,
		communeName: r.commune_name,
		place: r.place,
		agents: r.agents,
		interviews: Number(r.interviews ?? 0)
	}));
}

export async function getTourStop(db: Executor, stopId: number): Promise<TourStop> {
	const row = Number.isSafeInteger(stopId)
		? await db
				.selectFrom('tour_stop')
				.select('event_id')
				.where('id', '=', stopId)
				.executeTakeFirst()
		: undefined;
	const stop = row
		? (await listTourStops(db, row.event_id)).find((s) => s.id === stopId)
		: undefined;
	if (!stop) throw new NotFoundError('Étape de tournée introuvable.');
	return stop;
}

/** A stop of a tour as the services take it. */
export interface TourStopCommand {
	/** The calendar day, YYYY-MM-DD. */
	day: string;
	halfDay: string;
	communeCode: string;
	place: string;
	agents: string;
}

/** The stop form, read into a TourStopCommand. */
export const tourStopSchema = z.object({
	day: z.string().trim().refine(isIsoDate, 'Indiquez le jour de l’étape.'),
	halfDay: z.enum(HALF_DAYS.map((h) => h.code) as [string, ...string[]], {
		error: 'Choisissez la matinée ou l’après-midi.'
	}),
	communeCode: z.string().trim().min(1, 'Choisissez la commune de l’étape.'),
	place: z
		.string()
		.trim()
		.min(2, 'Dites où trouver les agents (2 à 200 caractères).')
		.max(200, 'Dites où trouver les agents (2 à 200 caractères).'),
	agents: z.string().trim().max(300, '300 caractères au plus.').default('')
}) satisfies z.ZodType<TourStopCommand, unknown>;

export async function addTourStop(
	db: Db,
	actor: Actor | null,
	eventId: number,
	stop: TourStopCommand
): Promise<void> {
	assertCan(actor, 'events.manage');
	await db.transaction().execute(async (tx) => {
		await getEventById(tx, eventId);
		const commune = await tx
			.selectFrom('commune')
			.select('insee_code')
			.where('insee_code', '=', stop.communeCode)
			.executeTakeFirst();
		if (!commune) throw new InvalidInputError('Choisissez la commune de l’étape.', 'communeCode');
		await tx
			.insertInto('tour_stop')
			.values({
				event_id: eventId,
				day: stop.day,
				half_day: stop.halfDay,
				commune_insee_code: commune.insee_code,
				place: stop.place,
				agents: stop.agents
			})
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'event.tour.add',
			entityType: 'event',
			entityId: eventId,
			after: stop
		});
	});
}

export async function deleteTourStop(
	db: Db,
	actor: Actor | null,
	eventId: number,
	stopId: number
): Promise<void> {
	assertCan(actor, 'events.manage');
	const deleted = await db
		.deleteFrom('tour_stop')
		.where('id', '=', stopId)
		.where('event_id', '=', eventId)
		.executeTakeFirst();
	if (Number(deleted.numDeletedRows) === 0) throw new NotFoundError('Étape introuvable.');
}
