// How well the département answers: the share of contributions with a
// decision and the median days from contribution to first decision, over
// all and by source and territory. Computed from the rows, never typed.
import type { Db } from '../db/database';
import { compareFrench } from '../../french';
import { assertCan, type Actor } from '../auth/permissions';

export interface IndicatorRow {
	label: string;
	contributions: number;
	decided: number;
	/** null when nothing is decided yet. */
	medianDays: number | null;
}

export interface ReachRow {
	label: string;
	/** People who asked for a retour. */
	participants: number;
	/** Those a retour reached (e-mail sent or letter printed). */
	reached: number;
}

export interface ContributionIndicators {
	total: IndicatorRow;
	bySource: IndicatorRow[];
	byTerritory: IndicatorRow[];
	reach: { total: ReachRow; bySource: ReachRow[]; byTerritory: ReachRow[] };
}

const DAY_MS = 86400_000;

export function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function row(label: string, items: { days: number | null }[]): IndicatorRow {
	const days = items.flatMap((i) => (i.days === null ? [] : [i.days]));
	return {
		label,
		contributions: items.length,
		decided: days.length,
		medianDays: median(days)
	};
}

export async function contributionIndicators(
	db: Db,
	actor: Actor | null
): Promise<ContributionIndicators> {
	assertCan(actor, 'contributions.manage');
	const rows = await db
		.selectFrom('contribution as c')
		.leftJoin('territory', 'territory.id', 'c.territory_id')
		.select((eb) => [
			'c.source',
			'c.created_at',
			'territory.name as territory_name',
			eb
				.selectFrom('contribution_link')
				.select((inner) => inner.fn.min('contribution_link.decided_at').as('first'))
				.whereRef('contribution_link.contribution_id', '=', 'c.id')
				.as('first_decision')
		])
		.where('c.merged_into_id', 'is', null)
		.execute();
	const items = rows.map((r) => ({
		source: r.source,
		territory: r.territory_name ?? 'Sans territoire',
		days: r.first_decision
			? Math.max(0, (Date.parse(r.first_decision) - Date.parse(r.created_at)) / DAY_MS)
			: null
	}));
	const groupBy = (key: 'source' | 'territory') =>
		[...new Set(items.map((i) => i[key]))].sort(compareFrench).map((value) =>
			row(
				value,
				items.filter((i) => i[key] === value)
			)
		);
	return {
		total: row('Toutes', items),
		bySource: groupBy('source'),
		byTerritory: groupBy('territory'),
		reach: await reachOfRetours(db)
	};
}

async function reachOfRetours(db: Db): Promise<ContributionIndicators['reach']> {
	const rows = await db
		.selectFrom('retour_request as r')
		.leftJoin('event', 'event.id', 'r.event_id')
		.leftJoin('territory', 'territory.id', 'event.territory_id')
		.select((eb) => [
			'r.consultation_id',
			'territory.name as territory_name',
			eb
				.exists(
					eb
						.selectFrom('retour_delivery')
						.select('retour_delivery.id')
						.whereRef('retour_delivery.request_id', '=', 'r.id')
						.where('retour_delivery.status', '=', 'envoye')
				)
				.as('reached')
		])
		.execute();
	const people = rows.map((r) => ({
		source: r.consultation_id ? 'consultation' : 'evenement',
		territory: r.territory_name ?? 'Sans territoire',
		reached: Boolean(r.reached)
	}));
	const reach = (label: string, list: typeof people): ReachRow => ({
		label,
		participants: list.length,
		reached: list.filter((p) => p.reached).length
	});
	const groupBy = (key: 'source' | 'territory') =>
		[...new Set(people.map((p) => p[key]))].sort(compareFrench).map((value) =>
			reach(
				value,
				people.filter((p) => p[key] === value)
			)
		);
	return {
		total: reach('Tous', people),
		bySource: groupBy('source'),
		byTerritory: groupBy('territory')
	};
}
