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

export async function consultationThemes(
	db: Executor,
	consultationId: number,
	who: { actor: Actor | null } | { threshold: number }
): Promise<ConsultationThemes | null> {
	if ('actor' in who) assertCan(who.actor, 'consultations.results');
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
	if ('threshold' in who) query = query.where('theme.status', '=', 'validee');
	const rows = (await query.execute())
		.map((r) => ({ label: r.label, n: Number(r.n), validated: r.status === 'validee' }))
		.sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : 1));
	if (!('threshold' in who))
		return {
			analysisId: analysis.id,
			total: analysis.contribution_count,
			themes: rows.map((r) => ({ label: r.label, count: r.n, validated: r.validated }))
		};
	if (!rows.length) return null;
	// Themes do not overlap, but not every answer is in a published theme:
	// each count is protected against the total, as multiple-choice answers are.
	const table = new TableBuilder();
	const total = table.cell(analysis.contribution_count);
	const parts = rows.map((r) => table.cell(r.n));
	for (const part of parts) table.complement(part, total);
	const { states, unprotected } = table.solve(who.threshold);
	// Where a hidden count could still be worked out, none is given.
	const figure = (cell: number, value: number): Figure =>
		unprotected.length ? 'masked' : states[cell] === 'shown' ? value : states[cell];
	return {
		analysisId: analysis.id,
		total: figure(total, analysis.contribution_count),
		themes: rows.map((r, i) => ({
			label: r.label,
			count: figure(parts[i], r.n),
			validated: true
		}))
	};
}
