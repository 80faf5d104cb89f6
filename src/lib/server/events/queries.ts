// Reading events, with where they happen and how many have registered.
import type { Executor } from '../db/database';
import { NotFoundError } from '../errors';
import { eventFromRow, type ConcertoEvent } from './model';
import { byFrench } from '../db/database';

function eventsQuery(db: Executor) {
	return db
		.selectFrom('event')
		.innerJoin('event_kind', 'event_kind.code', 'event.kind')
		.leftJoin('site', 'site.id', 'event.site_id')
		.leftJoin('commune', 'commune.insee_code', 'event.commune_insee_code')
		.leftJoin('territory', 'territory.id', 'event.territory_id')
		.selectAll('event')
		.select((eb) => [
			'event_kind.label as kind_label',
			'site.name as site_name',
			'site.address as site_address',
			'site.directions as site_directions',
			'commune.name as commune_name',
			'territory.name as territory_name',
			'territory.code as territory_code',
			eb
				.selectFrom('registration')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('registration.event_id', '=', 'event.id')
				.where('registration.status', 'in', ['inscrit', 'present'])
				.as('registered'),
			eb
				.selectFrom('registration')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('registration.event_id', '=', 'event.id')
				.where('registration.status', '=', 'attente')
				.as('waiting')
		]);
}

export async function findEventBySlug(db: Executor, slug: string): Promise<ConcertoEvent | null> {
	const row = await eventsQuery(db).where('event.slug', '=', slug).executeTakeFirst();
	return row ? eventFromRow(row) : null;
}

export async function getEventById(db: Executor, id: number): Promise<ConcertoEvent> {
	const row = Number.isSafeInteger(id)
		? await eventsQuery(db).where('event.id', '=', id).executeTakeFirst()
		: undefined;
	if (!row) throw new NotFoundError('Cet événement est introuvable.');
	return eventFromRow(row);
}

export interface AgendaFilter {
	territory?: string;
	kind?: string;
	/** « 2026-12 » */
	month?: string;
	upcoming?: boolean;
	includeDrafts?: boolean;
	/** Leaves out group meetings, which their members find in « Mes groupes ». */
	publicOnly?: boolean;
}

export async function listEvents(db: Executor, filter: AgendaFilter): Promise<ConcertoEvent[]> {
	let query = eventsQuery(db);
	if (!filter.includeDrafts) query = query.where('event.status', '!=', 'brouillon');
	if (filter.publicOnly) query = query.where('event.audience', '!=', 'groupe');
	if (filter.upcoming) query = query.where('event.ends_at', '>=', new Date().toISOString());
	if (filter.territory) query = query.where('territory.code', '=', filter.territory);
	if (filter.kind) query = query.where('event.kind', '=', filter.kind);
	if (filter.month && /^\d{4}-\d{2}$/.test(filter.month)) {
		const [y, m] = filter.month.split('-').map(Number);
		const from = new Date(Date.UTC(y, m - 1, 1)).toISOString();
		const to = new Date(Date.UTC(y, m, 1)).toISOString();
		query = query.where('event.starts_at', '>=', from).where('event.starts_at', '<', to);
	}
	const rows = await query
		.orderBy('event.starts_at', filter.upcoming ? 'asc' : 'desc')
		.limit(500)
		.execute();
	return rows.map(eventFromRow);
}

export async function listEventKinds(db: Executor): Promise<{ code: string; label: string }[]> {
	return db.selectFrom('event_kind').select(['code', 'label']).orderBy(byFrench('label')).execute();
}

export async function linkedFichesOfEvent(db: Executor, eventId: number) {
	return db
		.selectFrom('event_fiche')
		.innerJoin('fiche', 'fiche.id', 'event_fiche.fiche_id')
		.select(['fiche.ref', 'fiche.title'])
		.where('event_fiche.event_id', '=', eventId)
		.orderBy('fiche.ref')
		.execute();
}
