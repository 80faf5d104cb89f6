// What the inbox forms offer, and how their query string is read.
import { oneOf, wholeNumber } from '$lib/codes';
import { CONTRIBUTION_SOURCES, CONTRIBUTION_STATES } from '$lib/contribution-vocabulary';
import type { Executor } from '../db/database';
import { assertCan, PERMISSIONS, type Actor } from '../auth/permissions';
import type { InboxFilters } from './inbox';
import { byFrench } from '../db/database';

export async function inboxOptions(db: Executor, actor: Actor | null) {
	assertCan(actor, 'contributions.answer');
	const [consultations, events, territories, axes, people, tags] = await Promise.all([
		db
			.selectFrom('consultation')
			.select(['id', 'title'])
			.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('contribution')
						.select('id')
						.whereRef('consultation_id', '=', 'consultation.id')
				)
			)
			.orderBy(byFrench('title'))
			.execute(),
		db
			.selectFrom('event')
			.select(['id', 'title'])
			.where(({ exists, selectFrom }) =>
				exists(selectFrom('contribution').select('id').whereRef('event_id', '=', 'event.id'))
			)
			.orderBy('starts_at', 'desc')
			.execute(),
		db.selectFrom('territory').select(['id', 'name']).orderBy(byFrench('name')).execute(),
		db.selectFrom('axis').select(['code', 'name']).orderBy('position').execute(),
		db
			.selectFrom('user')
			.select(['id', 'display_name'])
			.where('active', '=', 1)
			.where('role', 'in', [...PERMISSIONS['contributions.answer']])
			.orderBy(byFrench('display_name'))
			.execute(),
		db.selectFrom('contribution_tag').select('tag').distinct().orderBy('tag').execute()
	]);
	return {
		consultations: consultations.map((c) => ({ value: String(c.id), label: c.title })),
		events: events.map((e) => ({ value: String(e.id), label: e.title })),
		territories: territories.map((t) => ({ value: String(t.id), label: t.name })),
		axes: axes.map((a) => ({ value: a.code, label: a.name })),
		people: people.map((p) => ({ value: String(p.id), label: p.display_name })),
		tags: tags.map((t) => ({ value: t.tag, label: t.tag }))
	};
}

const positive = (value: string | null) => {
	const n = Number(value);
	return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export function readInboxFilters(params: URLSearchParams): InboxFilters {
	const text = (name: string) => (params.get(name) ?? '').slice(0, 200);
	return {
		q: text('q'),
		source: oneOf(CONTRIBUTION_SOURCES, params.get('source')),
		consultationId: positive(params.get('consultation')),
		eventId: positive(params.get('evenement')),
		territoryId: positive(params.get('territoire')),
		axis: text('axe'),
		state: oneOf(CONTRIBUTION_STATES, params.get('etat')),
		tag: text('etiquette'),
		from: text('du'),
		to: text('au'),
		assignedUserId: positive(params.get('attribuee')),
		questionId: positive(params.get('question'))
	};
}

/** The query-string names of the filters, as readInboxFilters reads them. */
export const INBOX_FILTER_PARAMS = [
	'q',
	'source',
	'consultation',
	'evenement',
	'territoire',
	'axe',
	'etat',
	'etiquette',
	'du',
	'au',
	'attribuee',
	'question'
] as const;

/** The filters as query-string pairs (the empty ones left out), for links and hidden fields. */
export function inboxFilterParams(filters: InboxFilters): [string, string][] {
	const values: Record<(typeof INBOX_FILTER_PARAMS)[number], string | number | undefined> = {
		q: filters.q,
		source: filters.source,
		consultation: filters.consultationId,
		evenement: filters.eventId,
		territoire: filters.territoryId,
		axe: filters.axis,
		etat: filters.state,
		etiquette: filters.tag,
		du: filters.from,
		au: filters.to,
		attribuee: filters.assignedUserId,
		question: filters.questionId
	};
	return INBOX_FILTER_PARAMS.filter(
		(name) => values[name] !== undefined && values[name] !== ''
	).map((name) => [name, String(values[name])]);
}

/** The ids ticked in a bulk form. */
export function checkedIds(data: FormData): number[] {
	return data
		.getAll('ids')
		.map(wholeNumber)
		.filter((id): id is number => id !== null);
}
