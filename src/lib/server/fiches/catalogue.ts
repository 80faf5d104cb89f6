// The public side of the schéma: search, filters, counts and fiche pages.
import type { Db } from '../db/database';
import { fromDbDate, fromDbJson } from '../db/codecs';
import { foldForSearch } from '../text';
import { renderMarkdown } from '../markdown';
import { FICHE_STATUSES, isFicheStatus, type FicheStatus } from './status';
import { countStatuses, type StatusCounts } from './totals-check';
import { listIndicators, type Indicator } from './indicators';
import { getSynonymGroups, searchStems } from '../search/synonyms';
import { isStopWord } from '../search/french-words';

export interface FicheFilters {
	q?: string;
	component?: string;
	axis?: string;
	territory?: string;
	status?: FicheStatus | 'non-renseigne';
	flagshipYear?: number;
}

export interface FicheSummary {
	ref: string;
	title: string;
	componentCode: string;
	axisCode: string | null;
	objective: string | null;
	status: FicheStatus | null;
	flagshipYears: number[];
}

export interface AxisCounts {
	axisCode: string | null;
	axisName: string;
	counts: StatusCounts;
}

export interface Facets {
	components: { code: string; name: string }[];
	axes: { code: string; name: string; kind: string }[];
	territories: { code: string; name: string }[];
	flagshipYears: number[];
}

export async function getFacets(db: Db): Promise<Facets> {
	const [components, axes, territories, years] = await Promise.all([
		db.selectFrom('component').select(['code', 'name']).orderBy('position').execute(),
		db.selectFrom('axis').select(['code', 'name', 'kind']).orderBy('position').execute(),
		db.selectFrom('territory').select(['code', 'name']).orderBy('position').execute(),
		db.selectFrom('fiche_flagship_year').select('year').distinct().orderBy('year').execute()
	]);
	return { components, axes, territories, flagshipYears: years.map((y) => y.year) };
}

async function flagshipYearsByFiche(db: Db): Promise<Map<number, number[]>> {
	const rows = await db
		.selectFrom('fiche_flagship_year')
		.select(['fiche_id', 'year'])
		.orderBy('year')
		.execute();
	const byFiche = new Map<number, number[]>();
	for (const row of rows)
		byFiche.set(row.fiche_id, [...(byFiche.get(row.fiche_id) ?? []), row.year]);
	return byFiche;
}

export async function searchFiches(
	db: Db,
	filters: FicheFilters
): Promise<{ fiches: FicheSummary[]; countsByAxis: AxisCounts[]; totals: StatusCounts }> {
	let query = db
		.selectFrom('fiche')
		.leftJoin('objective', 'objective.id', 'fiche.objective_id')
		.leftJoin('axis', 'axis.code', 'fiche.axis_code')
		.leftJoin('component', 'component.code', 'fiche.component_code')
		.select([
			'fiche.id',
			'fiche.ref',
			'fiche.title',
			'fiche.component_code',
			'fiche.axis_code',
			'fiche.status',
			'objective.title as objective_title',
			'axis.name as axis_name'
		])
		.orderBy('component.position')
		.orderBy('axis.position')
		.orderBy('fiche.number')
		.orderBy('fiche.ref');
	if (filters.component) query = query.where('fiche.component_code', '=', filters.component);
	if (filters.axis) query = query.where('fiche.axis_code', '=', filters.axis);
	if (filters.territory) {
		const territory = filters.territory;
		query = query.where('fiche.territory_id', 'in', (eb) =>
			eb.selectFrom('territory').select('id').where('code', '=', territory)
		);
	}
	if (filters.status === 'non-renseigne') query = query.where('fiche.status', 'is', null);
	else if (filters.status) query = query.where('fiche.status', '=', filters.status);
	if (filters.flagshipYear) {
		const year = filters.flagshipYear;
		query = query.where('fiche.id', 'in', (eb) =>
			eb.selectFrom('fiche_flagship_year').select('fiche_id').where('year', '=', year)
		);
	}
	// search_text is folded with spaces around words, so stems match word starts;
	// each word also finds its synonyms (« transport » finds « mobilité »).
	const synonyms = filters.q ? await getSynonymGroups(db) : [];
	for (const word of foldForSearch(filters.q ?? '')
		.split(' ')
		.filter((w) => w && !isStopWord(w))
		.slice(0, 10)) {
		const stems = searchStems(word, synonyms);
		if (stems.length === 0) continue;
		query = query.where((eb) =>
			eb.or(stems.map((s) => eb('fiche.search_text', 'like', `% ${s}%`)))
		);
	}
	const [rows, years] = await Promise.all([query.execute(), flagshipYearsByFiche(db)]);

	const fiches = rows.map((row): FicheSummary => ({
		ref: row.ref,
		title: row.title,
		componentCode: row.component_code,
		axisCode: row.axis_code,
		objective: row.objective_title,
		status: isFicheStatus(row.status) ? row.status : null,
		flagshipYears: years.get(row.id) ?? []
	}));
	const groups = new Map<
		string,
		{ name: string; code: string | null; statuses: (string | null)[] }
	>();
	for (const row of rows) {
		const key = row.axis_code ?? `volet:${row.component_code}`;
		const group = groups.get(key) ?? {
			name: row.axis_name ?? 'Alliance (sans axe)',
			code: row.axis_code,
			statuses: []
		};
		group.statuses.push(row.status);
		groups.set(key, group);
	}
	return {
		fiches,
		countsByAxis: [...groups.values()].map((g) => ({
			axisCode: g.code,
			axisName: g.name,
			counts: countStatuses(g.statuses)
		})),
		totals: countStatuses(rows.map((r) => r.status))
	};
}

export interface StatusChange {
	status: FicheStatus | null;
	comment: string;
	source: string;
	reviewYear: number | null;
	changedBy: string;
	changedAt: Date;
}

export interface FicheDetail extends FicheSummary {
	componentName: string;
	axisName: string | null;
	descriptionHtml: string;
	ownerName: string | null;
	direction: string | null;
	partners: string | null;
	territoryName: string | null;
	budget: string | null;
	keyFigures: string[];
	note: string | null;
	updatedAt: Date;
	history: StatusChange[];
	flagshipActions: { year: number; rank: number; title: string }[];
	/** Validated reviews of published years, newest first. */
	reviews: { year: number; status: FicheStatus | null; text: string }[];
	indicators: Indicator[];
}

export async function getFicheByRef(db: Db, ref: string): Promise<FicheDetail | null> {
	const row = await db
		.selectFrom('fiche')
		.leftJoin('objective', 'objective.id', 'fiche.objective_id')
		.leftJoin('axis', 'axis.code', 'fiche.axis_code')
		.innerJoin('component', 'component.code', 'fiche.component_code')
		.leftJoin('user', 'user.id', 'fiche.owner_user_id')
		.leftJoin('territory', 'territory.id', 'fiche.territory_id')
		.selectAll('fiche')
		.select([
			'objective.title as objective_title',
			'axis.name as axis_name',
			'component.name as component_name',
			'user.display_name as owner_name',
			'territory.name as territory_name'
		])
		.where('fiche.ref', '=', ref.toUpperCase())
		.executeTakeFirst();
	if (!row) return null;
	const [history, flagships, years, reviews, indicators] = await Promise.all([
		db
			.selectFrom('fiche_status_change')
			.selectAll()
			.where('fiche_id', '=', row.id)
			.orderBy('changed_at', 'desc')
			.orderBy('id', 'desc')
			.execute(),
		db
			.selectFrom('flagship_action')
			.innerJoin(
				'flagship_action_fiche',
				'flagship_action_fiche.flagship_action_id',
				'flagship_action.id'
			)
			.select(['flagship_action.year', 'flagship_action.rank', 'flagship_action.title'])
			.where('flagship_action_fiche.fiche_id', '=', row.id)
			.orderBy('flagship_action.year')
			.execute(),
		db
			.selectFrom('fiche_flagship_year')
			.select('year')
			.where('fiche_id', '=', row.id)
			.orderBy('year')
			.execute(),
		db
			.selectFrom('fiche_review')
			.innerJoin('review_campaign', 'review_campaign.year', 'fiche_review.year')
			.select(['fiche_review.year', 'fiche_review.status', 'fiche_review.text'])
			.where('fiche_review.fiche_id', '=', row.id)
			.where('fiche_review.validated_at', 'is not', null)
			.where('review_campaign.status', '=', 'publiee')
			.orderBy('fiche_review.year', 'desc')
			.execute(),
		listIndicators(db, row.id)
	]);
	return {
		ref: row.ref,
		title: row.title,
		componentCode: row.component_code,
		componentName: row.component_name,
		axisCode: row.axis_code,
		axisName: row.axis_name,
		objective: row.objective_title,
		status: isFicheStatus(row.status) ? row.status : null,
		flagshipYears: years.map((y) => y.year),
		descriptionHtml: row.description ? renderMarkdown(row.description) : '',
		ownerName: row.owner_name,
		direction: row.direction,
		partners: row.partners,
		territoryName: row.territory_name,
		budget: row.budget,
		keyFigures: fromDbJson<string[]>(row.key_figures, []),
		note: row.note,
		updatedAt: fromDbDate(row.updated_at),
		history: history.map((h) => ({
			status: isFicheStatus(h.status) ? h.status : null,
			comment: h.comment,
			source: h.source,
			reviewYear: h.review_year,
			changedBy: h.changed_by_label,
			changedAt: fromDbDate(h.changed_at)
		})),
		flagshipActions: flagships,
		reviews: reviews.map((r) => ({
			year: r.year,
			status: isFicheStatus(r.status) ? r.status : null,
			text: r.text
		})),
		indicators
	};
}

export function parseFilters(params: URLSearchParams, facets: Facets): FicheFilters {
	const pick = (key: string, allowed: string[]) => {
		const value = params.get(key) ?? '';
		return allowed.includes(value) ? value : undefined;
	};
	const status = pick('statut', [...FICHE_STATUSES, 'non-renseigne']) as FicheFilters['status'];
	const year = Number.parseInt(params.get('phare') ?? '', 10);
	return {
		q: (params.get('q') ?? '').slice(0, 200) || undefined,
		component: pick(
			'volet',
			facets.components.map((c) => c.code)
		),
		axis: pick(
			'axe',
			facets.axes.map((a) => a.code)
		),
		territory: pick(
			'territoire',
			facets.territories.map((t) => t.code)
		),
		status,
		flagshipYear: facets.flagshipYears.includes(year) ? year : undefined
	};
}
