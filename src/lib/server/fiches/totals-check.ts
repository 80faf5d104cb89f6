// Compares the review's official totals with what the fiches say, so that
// officers see where statuses are still missing or disagree.
import { oneOf } from '$lib/codes';
import type { Db } from '../db/database';
import { parseCsv } from '../reference/csv';
import { FICHE_STATUSES, type StatusCounts } from './status';

export interface TotalsCheck {
	perimeter: string;
	official: StatusCounts;
	computed: StatusCounts;
	matches: boolean;
}

function emptyCounts(): StatusCounts {
	return { total: 0, realisee: 0, en_cours: 0, reportee: 0, supprimee: 0, unstated: 0 };
}

function countStatuses(statuses: (string | null)[]): StatusCounts {
	const counts = emptyCounts();
	for (const status of statuses) {
		counts.total++;
		const code = oneOf(FICHE_STATUSES, status);
		if (code) counts[code]++;
		else counts.unstated++;
	}
	return counts;
}

export async function computeTotalsCheck(db: Db, totalsCsv: string): Promise<TotalsCheck[]> {
	const fiches = await db
		.selectFrom('fiche')
		.select(['component_code', 'axis_code', 'status'])
		.execute();
	const flagships = await db
		.selectFrom('flagship_action')
		.select(['list_status'])
		.where('year', '=', 2025)
		.execute();
	return parseCsv(totalsCsv).map((row) => {
		const official: StatusCounts = {
			total: Number(row.total),
			realisee: Number(row.realisees),
			en_cours: Number(row.en_cours),
			reportee: Number(row.reportees_2026),
			supprimee: Number(row.supprimees),
			unstated: 0
		};
		const statuses =
			row.perimetre === 'actions-phares-2025'
				? flagships.map((f) => f.list_status)
				: row.perimetre === 'reponses-departementales'
					? fiches.filter((f) => f.component_code !== 'sectoriel').map((f) => f.status)
					: fiches.filter((f) => f.axis_code === row.perimetre).map((f) => f.status);
		const computed = countStatuses(statuses);
		const matches =
			FICHE_STATUSES.every((s) => official[s] === computed[s]) && official.total === computed.total;
		return { perimeter: row.perimetre, official, computed, matches };
	});
}

export { countStatuses, emptyCounts, type StatusCounts };
