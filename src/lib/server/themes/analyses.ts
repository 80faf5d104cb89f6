// Theme analyses: an officer asks for the themes of a set of contributions (a
// consultation's free answers, one question's, an event's notes, a filtered
// inbox); a background job computes them (any instance, each analysis
// claimed once), keeping the themes officers validated; the officer's page
// then reads what was stored.
import type { Context } from '../context';
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { fromDbDate, fromDbJson, toDbDate, toDbJson } from '../db/codecs';
import { NotFoundError } from '../errors';
import { contributionTexts, type InboxFilters } from '../contributions/inbox';
import { ficheIndex } from '../contributions/suggest';
import type { ThemeAnalysisStatus, ThemeStatus } from '../db/schema';
import { findThemes } from './clustering';
import { themeVocabulary } from './vocabulary-settings';
import { describeScope, scopeKey } from './scope';

/** A claim older than this is an instance that died mid-way: another takes it. */
const CLAIM_EXPIRY_MS = 10 * 60 * 1000;
const INSERT_CHUNK = 500;
const FICHES_PER_THEME = 3;
const QUOTES_PER_THEME = 5;

export type ThemeScope = InboxFilters;

export interface ThemeAnalysisSummary {
	id: number;
	title: string;
	scope: ThemeScope;
	status: ThemeAnalysisStatus;
	progress: number;
	contributionCount: number;
	requestedAt: Date;
	finishedAt: Date | null;
	error: string | null;
}

/** Asks for the themes of a set of contributions; the same set reuses its analysis. */
/** What the theme job needs of the context (the demonstration's seed has no mailer). */
type ThemeContext = Pick<Context, 'db' | 'clock' | 'log'>;

export async function requestThemeAnalysis(
	ctx: ThemeContext,
	actor: Actor | null,
	scope: ThemeScope
): Promise<number> {
	assertCan(actor, 'contributions.manage');
	const key = scopeKey(scope);
	const title = await describeScope(ctx.db, scope);
	const now = toDbDate(ctx.clock.now());
	return ctx.db.transaction().execute(async (tx) => {
		const existing = await tx
			.selectFrom('theme_analysis')
			.select(['id', 'status'])
			.where('scope_key', '=', key)
			.executeTakeFirst();
		let id: number;
		if (existing) {
			id = existing.id;
			// A running computation is left to finish: it read the contributions when it
			// started, so one added meanwhile waits for the next « Relancer le calcul ».
			await tx
				.updateTable('theme_analysis')
				.set({ status: 'en_attente', progress: 0, error: null, title, requested_at: now })
				.where('id', '=', id)
				.where('status', '!=', 'en_cours')
				.execute();
		} else {
			({ id } = await tx
				.insertInto('theme_analysis')
				.values({
					scope_key: key,
					scope: toDbJson(scope),
					title,
					status: 'en_attente',
					requested_by: actor.id,
					requested_at: now
				})
				.onConflict((oc) => oc.column('scope_key').doUpdateSet({ status: 'en_attente' }))
				.returning('id')
				.executeTakeFirstOrThrow());
		}
		await recordAudit(tx, {
			actor,
			action: 'themes.requested',
			entityType: 'theme_analysis',
			entityId: id,
			after: { title }
		});
		return id;
	});
}

/**
 * Starts the job now rather than at its next quarter of an hour, without
 * making the officer wait for it: the page shows its progress.
 */
export function startThemeComputation(ctx: ThemeContext): void {
	void runPendingThemeAnalyses(ctx).catch((error) =>
		ctx.log.error('Thèmes : échec du calcul', { job: 'themes', error })
	);
}

/** Computes every analysis waiting (or abandoned by a stopped instance); answers how many. */
export async function runPendingThemeAnalyses(ctx: ThemeContext): Promise<number> {
	let done = 0;
	for (;;) {
		const now = ctx.clock.now();
		const stale = toDbDate(new Date(now.getTime() - CLAIM_EXPIRY_MS));
		const candidate = await ctx.db
			.selectFrom('theme_analysis')
			.select('id')
			.where((eb) =>
				eb.or([
					eb('status', '=', 'en_attente'),
					eb.and([eb('status', '=', 'en_cours'), eb('claimed_at', '<', stale)])
				])
			)
			.orderBy('requested_at')
			.executeTakeFirst();
		if (!candidate) return done;
		// Conditional update: of several instances, one wins the claim.
		const claimed = await ctx.db
			.updateTable('theme_analysis')
			.set({ status: 'en_cours', claimed_at: toDbDate(now), progress: 5 })
			.where('id', '=', candidate.id)
			.where((eb) =>
				eb.or([
					eb('status', '=', 'en_attente'),
					eb.and([eb('status', '=', 'en_cours'), eb('claimed_at', '<', stale)])
				])
			)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) continue;
		try {
			await computeThemeAnalysis(ctx, candidate.id);
		} catch (error) {
			ctx.log.error('Thèmes : échec du calcul', { job: 'themes', error });
			await ctx.db
				.updateTable('theme_analysis')
				.set({
					status: 'echec',
					error: 'Le calcul a échoué ; relancez-le ou prévenez l’administrateur.'
				})
				.where('id', '=', candidate.id)
				.execute();
		}
		done++;
	}
}

async function computeThemeAnalysis(ctx: ThemeContext, id: number): Promise<void> {
	const { db } = ctx;
	const analysis = await db
		.selectFrom('theme_analysis')
		.select(['scope'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const scope = fromDbJson<ThemeScope>(analysis.scope, {});
	const [contributions, validated, vocabulary] = await Promise.all([
		contributionTexts(db, scope),
		db
			.selectFrom('theme')
			.innerJoin('theme_member', 'theme_member.theme_id', 'theme.id')
			.select(['theme.id', 'theme_member.contribution_id'])
			.where('theme.analysis_id', '=', id)
			.where('theme.status', '=', 'validee')
			.orderBy('theme.id')
			.execute(),
		themeVocabulary(db)
	]);
	await progress(db, id, 20);
	const position = new Map(contributions.map((c, i) => [c.id, i]));
	const keptIds = [...new Set(validated.map((v) => v.id))];
	const keep = keptIds.map((themeId) =>
		validated
			.filter((v) => v.id === themeId && position.has(v.contribution_id))
			.map((v) => position.get(v.contribution_id)!)
	);
	const theming = findThemes(
		contributions.map((c) => c.text),
		{ vocabulary, keep }
	);
	await progress(db, id, 70);
	const index = await ficheIndex(db);
	const refs = new Map(
		(await db.selectFrom('fiche').select(['id', 'ref']).execute()).map((f) => [f.id, f.ref])
	);
	const now = toDbDate(ctx.clock.now());

	await db.transaction().execute(async (tx) => {
		await tx
			.deleteFrom('theme')
			.where('analysis_id', '=', id)
			.where('status', '=', 'proposee')
			.execute();
		await tx.deleteFrom('theme_member').where('analysis_id', '=', id).execute();
		const members: {
			analysis_id: number;
			contribution_id: number;
			theme_id: number;
			centrality: number;
			reasons: string;
			placed_by: 'calcul';
		}[] = [];
		for (const theme of theming.themes) {
			const quotes = theme.members.slice(0, QUOTES_PER_THEME).map((m) => contributions[m].text);
			const fiches = index
				.rank([...theme.terms, ...quotes].join(' '), FICHES_PER_THEME)
				.map((r) => refs.get(r.key)!);
			let themeId: number;
			if (theme.kept !== undefined) {
				themeId = keptIds[theme.kept];
				await tx
					.updateTable('theme')
					.set({ terms: toDbJson(theme.terms), fiches: toDbJson(fiches) })
					.where('id', '=', themeId)
					.execute();
			} else {
				({ id: themeId } = await tx
					.insertInto('theme')
					.values({
						analysis_id: id,
						label: labelOf(theme.terms),
						terms: toDbJson(theme.terms),
						fiches: toDbJson(fiches),
						status: 'proposee',
						created_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow());
			}
			theme.members.forEach((m, rank) =>
				members.push({
					analysis_id: id,
					contribution_id: contributions[m].id,
					theme_id: themeId,
					// Rank, not the raw similarity: what the page needs is the order.
					centrality: theme.members.length - rank,
					reasons: toDbJson(theming.reasons[m]),
					placed_by: 'calcul'
				})
			);
		}
		for (let i = 0; i < members.length; i += INSERT_CHUNK)
			await tx
				.insertInto('theme_member')
				.values(members.slice(i, i + INSERT_CHUNK))
				.execute();
		await tx
			.updateTable('theme_analysis')
			.set({
				status: 'prete',
				progress: 100,
				contribution_count: contributions.length,
				modularity: theming.modularity,
				finished_at: now,
				claimed_at: null
			})
			.where('id', '=', id)
			.execute();
	});
}

async function progress(db: Db, id: number, percent: number): Promise<void> {
	await db.updateTable('theme_analysis').set({ progress: percent }).where('id', '=', id).execute();
}

/** « Transport, bus, voiture »: the three most distinctive terms. */
export function labelOf(terms: string[]): string {
	const label = terms.slice(0, 3).join(', ');
	return label ? label[0].toLocaleUpperCase('fr') + label.slice(1) : 'Thème sans mot distinctif';
}

function summaryOf(row: {
	id: number;
	title: string;
	scope: string;
	status: ThemeAnalysisStatus;
	progress: number;
	contribution_count: number;
	requested_at: string;
	finished_at: string | null;
	error: string | null;
}): ThemeAnalysisSummary {
	return {
		id: row.id,
		title: row.title,
		scope: fromDbJson<ThemeScope>(row.scope, {}),
		status: row.status,
		progress: row.progress,
		contributionCount: row.contribution_count,
		requestedAt: fromDbDate(row.requested_at),
		finishedAt: row.finished_at ? fromDbDate(row.finished_at) : null,
		error: row.error
	};
}

const SUMMARY_COLUMNS = [
	'id',
	'title',
	'scope',
	'status',
	'progress',
	'contribution_count',
	'requested_at',
	'finished_at',
	'error'
] as const;

export async function listThemeAnalyses(
	db: Executor,
	actor: Actor | null
): Promise<ThemeAnalysisSummary[]> {
	assertCan(actor, 'contributions.manage');
	const rows = await db
		.selectFrom('theme_analysis')
		.select(SUMMARY_COLUMNS)
		.orderBy('requested_at', 'desc')
		.execute();
	return rows.map(summaryOf);
}

/** The analysis of exactly this set of contributions, if one was asked. */
export async function themeAnalysisOf(
	db: Executor,
	actor: Actor | null,
	scope: ThemeScope
): Promise<ThemeAnalysisSummary | null> {
	assertCan(actor, 'contributions.manage');
	const row = await db
		.selectFrom('theme_analysis')
		.select(SUMMARY_COLUMNS)
		.where('scope_key', '=', scopeKey(scope))
		.executeTakeFirst();
	return row ? summaryOf(row) : null;
}

export interface ThemeSummary {
	id: number;
	label: string;
	terms: string[];
	fiches: string[];
	status: ThemeStatus;
	tag: string | null;
	size: number;
	quotes: { contributionId: number; text: string }[];
}

export interface ThemeAnalysisView extends ThemeAnalysisSummary {
	themes: ThemeSummary[];
	/** Contributions in the set that share no word with the others. */
	unplaced: number;
}

export async function getThemeAnalysis(
	db: Executor,
	actor: Actor | null,
	id: number
): Promise<ThemeAnalysisView> {
	assertCan(actor, 'contributions.manage');
	const row = await db
		.selectFrom('theme_analysis')
		.select(SUMMARY_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Analyse des thèmes introuvable.');
	const [themes, sizes, quotes] = await Promise.all([
		db
			.selectFrom('theme')
			.select(['id', 'label', 'terms', 'fiches', 'status', 'tag'])
			.where('analysis_id', '=', id)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('theme_member')
			.select(['theme_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('analysis_id', '=', id)
			.groupBy('theme_id')
			.execute(),
		quotesOf(db, id)
	]);
	const size = new Map(sizes.map((s) => [s.theme_id, Number(s.n)]));
	const placed = sizes.reduce((sum, s) => sum + Number(s.n), 0);
	const summaries = themes
		.map((t) => ({
			id: t.id,
			label: t.label,
			terms: fromDbJson<string[]>(t.terms, []),
			fiches: fromDbJson<string[]>(t.fiches, []),
			status: t.status,
			tag: t.tag,
			size: size.get(t.id) ?? 0,
			quotes: quotes.get(t.id) ?? []
		}))
		.sort(
			(a, b) =>
				Number(b.status === 'validee') - Number(a.status === 'validee') ||
				b.size - a.size ||
				a.id - b.id
		);
	const summary = summaryOf(row);
	return {
		...summary,
		themes: summaries,
		unplaced: row.status === 'prete' ? Math.max(0, summary.contributionCount - placed) : 0
	};
}

/** The five most central answers of each theme, computed or placed by an officer. */
async function quotesOf(
	db: Executor,
	analysisId: number
): Promise<Map<number, { contributionId: number; text: string }[]>> {
	const ranked = db
		.selectFrom('theme_member as m')
		.innerJoin('contribution as c', 'c.id', 'm.contribution_id')
		.select(({ fn }) => [
			'm.theme_id',
			'c.id',
			'c.text',
			fn
				.agg<number>('row_number')
				.over((ob) => ob.partitionBy('m.theme_id').orderBy('m.centrality', 'desc').orderBy('c.id'))
				.as('place')
		])
		.where('m.analysis_id', '=', analysisId);
	const rows = await db
		.selectFrom(ranked.as('r'))
		.selectAll()
		.where('r.place', '<=', QUOTES_PER_THEME)
		.orderBy('r.theme_id')
		.orderBy('r.place')
		.execute();
	const byTheme = new Map<number, { contributionId: number; text: string }[]>();
	for (const r of rows)
		byTheme.set(r.theme_id, [
			...(byTheme.get(r.theme_id) ?? []),
			{ contributionId: r.id, text: r.text }
		]);
	return byTheme;
}
