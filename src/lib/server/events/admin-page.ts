// Choices the event forms offer: kinds, sites, communes, consultations, groups.
import { assertCan, type Actor } from '../auth/permissions';
import type { Executor } from '../db/database';
import { getEventById, listEventKinds } from './queries';
import type { ConcertoEvent } from './model';
import { getTourStop, type TourStop } from './tours';
import { byFrench } from '../db/database';

export async function eventFormOptions(db: Executor, actor: Actor | null) {
	assertCan(actor, 'events.manage');
	const [kinds, sites, communes, consultations, groups] = await Promise.all([
		listEventKinds(db),
		db
			.selectFrom('site')
			.select(['id', 'name'])
			.where('active', '=', 1)
			.orderBy(byFrench('name'))
			.execute(),
		db.selectFrom('commune').select(['insee_code', 'name']).orderBy(byFrench('name')).execute(),
		db.selectFrom('consultation').select(['id', 'title']).orderBy('opens_at', 'desc').execute(),
		db
			.selectFrom('participation_group')
			.select(['id', 'name'])
			.where('archived_at', 'is', null)
			.orderBy(byFrench('name'))
			.execute()
	]);
	return {
		kinds: kinds.map((k) => ({ value: k.code, label: k.label })),
		sites: sites.map((s) => ({ value: String(s.id), label: s.name })),
		communes: communes.map((c) => ({ value: c.insee_code, label: c.name })),
		consultations: consultations.map((c) => ({ value: String(c.id), label: c.title })),
		groups: groups.map((g) => ({ value: String(g.id), label: g.name }))
	};
}

/** The event an officer's page is about: for those who manage events only. */
export async function eventForOffice(
	db: Executor,
	actor: Actor | null,
	id: number
): Promise<ConcertoEvent> {
	assertCan(actor, 'events.manage');
	return getEventById(db, id);
}

/** A stop of a field tour, for the officer typing in the answers collected there. */
export async function tourStopForOffice(
	db: Executor,
	actor: Actor | null,
	stopId: number
): Promise<TourStop> {
	assertCan(actor, 'consultations.enter');
	return getTourStop(db, stopId);
}

/** What the tour stops page offers: the consultation its interviews go to, and the communes. */
export async function tourPageOptions(db: Executor, actor: Actor | null, eventId: number) {
	assertCan(actor, 'events.manage');
	const [event, communes] = await Promise.all([
		db
			.selectFrom('event')
			.select('consultation_id')
			.where('id', '=', eventId)
			.executeTakeFirstOrThrow(),
		db.selectFrom('commune').select(['insee_code', 'name']).orderBy(byFrench('name')).execute()
	]);
	return { consultationId: event.consultation_id, communes };
}
