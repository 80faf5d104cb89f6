// How well the département answers: the share of contributions with a
// decision and the median days from contribution to first decision, over
// all and by source and territory. Computed from the rows, never typed.
import type { Db } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';

export interface IndicatorRow {
	label: string;
	contributions: number;
	decided: number;
	/** null when nothing is decided yet. */
	medianDays: number | null;
}

export interface ContributionIndicators {
	total: IndicatorRow;
	bySource: IndicatorRow[];
	byTerritory: IndicatorRow[];
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
		[...new Set(items.map((i) => i[key]))]
			.sort((a, b) => a.localeCompare(b, 'fr'))
			.map((value) =>
				row(
					value,
					items.filter((i) => i[key] === value)
				)
			);
	return {
		total: row('Toutes', items),
		bySource: groupBy('source'),
		byTerritory: groupBy('territory')
	};
}
