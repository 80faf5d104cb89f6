// "Bilan des actions N", generated from the data. Each action's status is
// its status at review time (the validated review of year N, or the status
// a published review gave it); the totals are counted from the same rows,
// so the tables and the totals can never disagree.
import type { Db } from '../db/database';
import { fromDbJson } from '../db/codecs';
import { isFicheStatus, type FicheStatus } from './status';
import { countStatuses, type StatusCounts } from './totals-check';
import { findCampaign, type Campaign } from './reviews';

export interface BilanAction {
	ref: string;
	number: number | null;
	title: string;
	status: FicheStatus | null;
	reviewText: string | null;
}

export interface BilanGroup {
	title: string;
	actions: BilanAction[];
	totals: StatusCounts;
}

export interface BilanSection {
	componentCode: string;
	title: string;
	groups: BilanGroup[];
	totals: StatusCounts;
}

export interface BilanFlagship {
	rank: number;
	title: string;
	scope: string;
	fiches: (BilanAction & {
		keyFigures: string[];
		indicators: { label: string; unit: string | null; value: number }[];
	})[];
}

export interface Bilan {
	campaign: Campaign;
	sections: BilanSection[];
	flagships: BilanFlagship[];
	totals: StatusCounts;
}

async function statusesAtReview(db: Db, year: number) {
	const [validated, imported] = await Promise.all([
		db
			.selectFrom('fiche_review')
			.select(['fiche_id', 'status', 'text'])
			.where('year', '=', year)
			.where('validated_at', 'is not', null)
			.execute(),
		db
			.selectFrom('fiche_status_change')
			.select(['fiche_id', 'status', 'id'])
			.where('review_year', '=', year)
			.orderBy('id')
			.execute()
	]);
	const result = new Map<number, { status: FicheStatus | null; text: string | null }>();
	for (const change of imported) {
		result.set(change.fiche_id, {
			status: isFicheStatus(change.status) ? change.status : null,
			text: null
		});
	}
	for (const review of validated) {
		result.set(review.fiche_id, {
			status: isFicheStatus(review.status) ? review.status : null,
			text: review.text
		});
	}
	return result;
}

export async function buildBilan(db: Db, year: number): Promise<Bilan | null> {
	const campaign = await findCampaign(db, year);
	if (!campaign) return null;
	const [fiches, components, axes, objectives, statuses] = await Promise.all([
		db
			.selectFrom('fiche')
			.select([
				'id',
				'ref',
				'number',
				'title',
				'component_code',
				'axis_code',
				'objective_id',
				'key_figures'
			])
			.orderBy('number')
			.orderBy('ref')
			.execute(),
		db.selectFrom('component').select(['code', 'name']).orderBy('position').execute(),
		db.selectFrom('axis').select(['code', 'name']).orderBy('position').execute(),
		db.selectFrom('objective').select(['id', 'title']).execute(),
		statusesAtReview(db, year)
	]);
	const actionOf = (f: (typeof fiches)[number]): BilanAction => ({
		ref: f.ref,
		number: f.number,
		title: f.title,
		status: statuses.get(f.id)?.status ?? null,
		reviewText: statuses.get(f.id)?.text ?? null
	});
	const objectiveTitle = new Map(objectives.map((o) => [o.id, o.title]));
	const sections: BilanSection[] = [];
	for (const component of components) {
		const inComponent = fiches.filter((f) => f.component_code === component.code);
		if (inComponent.length === 0) continue;
		const groups: BilanGroup[] = [];
		const groupKeys = [...axes.map((a) => a.code), null];
		for (const axisCode of groupKeys) {
			const inAxis = inComponent.filter((f) => f.axis_code === axisCode);
			if (inAxis.length === 0) continue;
			const axisName = axes.find((a) => a.code === axisCode)?.name;
			const actions = inAxis.map(actionOf);
			groups.push({
				title: axisName ?? objectiveTitle.get(inAxis[0].objective_id ?? -1) ?? component.name,
				actions,
				totals: countStatuses(actions.map((a) => a.status))
			});
		}
		sections.push({
			componentCode: component.code,
			title: component.name,
			groups,
			totals: countStatuses(groups.flatMap((g) => g.actions.map((a) => a.status)))
		});
	}

	const flagshipRows = await db
		.selectFrom('flagship_action')
		.selectAll()
		.where('year', '=', year)
		.orderBy('rank')
		.execute();
	const links = await db.selectFrom('flagship_action_fiche').selectAll().execute();
	const indicatorRows = await db
		.selectFrom('indicator')
		.innerJoin('indicator_value', 'indicator_value.indicator_id', 'indicator.id')
		.select(['indicator.fiche_id', 'indicator.label', 'indicator.unit', 'indicator_value.value'])
		.where('indicator_value.year', '=', year)
		.execute();
	const flagships: BilanFlagship[] = flagshipRows.map((action) => ({
		rank: action.rank,
		title: action.title,
		scope: action.scope,
		fiches: links
			.filter((l) => l.flagship_action_id === action.id)
			.map((l) => fiches.find((f) => f.id === l.fiche_id)!)
			.map((f) => ({
				...actionOf(f),
				keyFigures: fromDbJson<string[]>(f.key_figures, []),
				indicators: indicatorRows
					.filter((i) => i.fiche_id === f.id)
					.map((i) => ({ label: i.label, unit: i.unit, value: i.value }))
			}))
	}));

	return {
		campaign,
		sections,
		flagships,
		totals: countStatuses(
			sections.flatMap((s) => s.groups.flatMap((g) => g.actions.map((a) => a.status)))
		)
	};
}
