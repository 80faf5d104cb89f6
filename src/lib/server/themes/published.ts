// A consultation's themes beside its results: in the back-office every theme
// of the analysis of its free answers, with raw counts; in public only the
// themes an officer validated, each count protected like the results' (no
// figure about fewer people than the threshold, none recoverable by
// subtraction from the number of free answers).
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { TableBuilder } from '../statistics/suppression';
import type { Figure } from '$lib/disclosure';
import { scopeKey } from './scope';
import { compareFrench } from '$lib/french';

export interface ThemeFigure {
	label: string;
	count: Figure;
	validated: boolean;
}

export interface ConsultationThemes {
	analysisId: number;
	/** The free answers the themes were found in. */
	total: Figure;
	themes: ThemeFigure[];
}

interface ThemeCount {
	label: string;
	n: number;
	validated: boolean;
}

/** The themes of the analysis of a consultation's free answers, largest first. */
export async function themeCountsOf(
	db: Executor,
	consultationId: number,
	onlyValidated: boolean
): Promise<{ analysisId: number; total: number; rows: ThemeCount[] } | null> {
	const analysis = await db
		.selectFrom('theme_analysis')
		.select(['id', 'contribution_count'])
		.where('scope_key', '=', scopeKey({ consultationId }))
		.where('status', '=', 'prete')
		.executeTakeFirst();
	if (!analysis) return null;
	let query = db
		.selectFrom('theme')
		.leftJoin('theme_member', 'theme_member.theme_id', 'theme.id')
		.select([
			'theme.id',
			'theme.label',
			'theme.status',
			(eb) => eb.fn.count<number>('theme_member.contribution_id').as('n')
		])
		.where('theme.analysis_id', '=', analysis.id)
		.groupBy(['theme.id', 'theme.label', 'theme.status']);
	if (onlyValidated) query = query.where('theme.status', '=', 'validee');
	const rows = (await query.execute())
		.map((r) => ({ label: r.label, n: Number(r.n), validated: r.status === 'validee' }))
		.sort((a, b) => b.n - a.n || compareFrench(a.label, b.label));
	return { analysisId: analysis.id, total: analysis.contribution_count, rows };
}

/**
 * Themes do not overlap, but not every answer is in a published theme: each
 * count is protected against the total, as multiple-choice answers are.
 */
export function protectThemeCounts(
	total: number,
	rows: { label: string; n: number }[],
	threshold: number
): { total: Figure; counts: Figure[] } {
	const table = new TableBuilder();
	const totalCell = table.cell(total);
	const parts = rows.map((r) => table.cell(r.n));
	for (const part of parts) table.complement(part, totalCell);
	const { states, unprotected } = table.solve(threshold);
	// Where a hidden count could still be worked out, none is given.
	const figure = (cell: number, value: number): Figure =>
		unprotected.length ? 'masked' : states[cell] === 'shown' ? value : states[cell];
	return { total: figure(totalCell, total), counts: parts.map((p, i) => figure(p, rows[i].n)) };
}

export async function consultationThemes(
	db: Executor,
	consultationId: number,
	who: { actor: Actor | null } | { threshold: number }
): Promise<ConsultationThemes | null> {
	if ('actor' in who) assertCan(who.actor, 'consultations.results');
	const found = await themeCountsOf(db, consultationId, 'threshold' in who);
	if (!found) return null;
	if (!('threshold' in who))
		return {
			analysisId: found.analysisId,
			total: found.total,
			themes: found.rows.map((r) => ({ label: r.label, count: r.n, validated: r.validated }))
		};
	if (!found.rows.length) return null;
	const { total, counts } = protectThemeCounts(found.total, found.rows, who.threshold);
	return {
		analysisId: found.analysisId,
		total,
		themes: found.rows.map((r, i) => ({ label: r.label, count: counts[i], validated: true }))
	};
}
