// Field tours (« aller vers »): a tour is a list of half-day stops where
// agents meet residents; interviews there are entered as consultation
// responses of the channel « terrain » tied to the stop.
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

export interface TourStopInput {
	day: string;
	halfDay: string;
	communeCode: string;
	place: string;
	agents: string;
}

export async function addTourStop(
	db: Db,
	actor: Actor | null,
	eventId: number,
	input: TourStopInput
): Promise<void> {
	assertCan(actor, 'events.manage');
	await getEventById(db, eventId);
	if (!isIsoDate(input.day)) throw new InvalidInputError('Indiquez le jour de l’étape.', 'day');
	if (!HALF_DAYS.some((h) => h.code === input.halfDay))
		throw new InvalidInputError('Choisissez la matinée ou l’après-midi.', 'halfDay');
	const commune = await db
		.selectFrom('commune')
		.select('insee_code')
		.where('insee_code', '=', input.communeCode)
		.executeTakeFirst();
	if (!commune) throw new InvalidInputError('Choisissez la commune de l’étape.', 'communeCode');
	const place = input.place.trim();
	if (place.length < 2 || place.length > 200)
		throw new InvalidInputError('Dites où trouver les agents (2 à 200 caractères).', 'place');
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('tour_stop')
			.values({
				event_id: eventId,
				day: input.day,
				half_day: input.halfDay,
				commune_insee_code: commune.insee_code,
				place,
				agents: input.agents.trim().slice(0, 300)
			})
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'event.tour.add',
			entityType: 'event',
			entityId: eventId,
			after: input
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
