// The officer stays in charge of the themes: renames, merges, splits,
// moves a contribution to another theme, validates (the theme becomes a tag
// on its contributions, and the next computation keeps it), and links all
// of a theme's contributions to a fiche-action with one decision.
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { applyToContributions, normaliseTag } from '../contributions/triage';
import { checkedDecision, decide, linkToFiche } from '../contributions/links';
import { AGE_BANDS, AUDIENCE_LABELS, CHANNEL_LABELS } from '$lib/consultation-vocabulary';
import { compareFrench } from '$lib/french';
import { findThemes } from './clustering';
import { labelOf } from './analyses';
import { themeVocabulary } from './vocabulary-settings';

export const LABEL_MAX = 120;

async function themeRow(db: Executor, themeId: number) {
	const theme = await db
		.selectFrom('theme')
		.select(['id', 'analysis_id', 'label', 'status', 'tag'])
		.where('id', '=', themeId)
		.executeTakeFirst();
	if (!theme) throw new NotFoundError('Thème introuvable.');
	return theme;
}

async function memberIds(db: Executor, themeId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('theme_member')
		.select('contribution_id')
		.where('theme_id', '=', themeId)
		.execute();
	return rows.map((r) => r.contribution_id);
}

export async function renameTheme(
	db: Db,
	actor: Actor | null,
	themeId: number,
	label: string
): Promise<void> {
	assertCan(actor, 'contributions.manage');
	const name = label.trim().replace(/\s+/g, ' ');
	if (!name) throw new InvalidInputError('Donnez un nom au thème.', 'label');
	if (name.length > LABEL_MAX)
		throw new InvalidInputError(`${LABEL_MAX} caractères au plus.`, 'label');
	await db.transaction().execute(async (tx) => {
		const theme = await themeRow(tx, themeId);
		await tx.updateTable('theme').set({ label: name }).where('id', '=', themeId).execute();
		await recordAudit(tx, {
			actor,
			action: 'theme.renamed',
			entityType: 'theme',
			entityId: themeId,
			before: { label: theme.label },
			after: { label: name }
		});
	});
}

/** The theme is kept by later computations and tags its contributions. */
export async function validateTheme(
	db: Db,
	actor: Actor | null,
	themeId: number,
	tag: string
): Promise<string> {
	assertCan(actor, 'contributions.manage');
	const theme = await themeRow(db, themeId);
	const chosen = normaliseTag(tag || theme.label);
	const ids = await memberIds(db, themeId);
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('theme')
			.set({
				status: 'validee',
				tag: chosen,
				validated_by: actor.id,
				validated_at: nowForDb()
			})
			.where('id', '=', themeId)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'theme.validated',
			entityType: 'theme',
			entityId: themeId,
			before: { status: theme.status, tag: theme.tag },
			after: { status: 'validee', tag: chosen, count: ids.length }
		});
	});
	if (ids.length) await applyToContributions(db, actor, ids, { kind: 'tag', tag: chosen });
	return chosen;
}

/** A contribution changes theme by the officer's hand; tags follow validated themes. */
export async function moveToTheme(
	db: Db,
	actor: Actor | null,
	contributionId: number,
	toThemeId: number
): Promise<void> {
	assertCan(actor, 'contributions.manage');
	const target = await themeRow(db, toThemeId);
	const member = await db
		.selectFrom('theme_member')
		.innerJoin('theme', 'theme.id', 'theme_member.theme_id')
		.select(['theme.id', 'theme.label', 'theme.tag', 'theme.status'])
		.where('theme_member.analysis_id', '=', target.analysis_id)
		.where('theme_member.contribution_id', '=', contributionId)
		.executeTakeFirst();
	if (member?.id === toThemeId) return;
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('theme_member')
			.values({
				analysis_id: target.analysis_id,
				contribution_id: contributionId,
				theme_id: toThemeId,
				centrality: 0,
				reasons: toDbJson([]),
				placed_by: 'agent'
			})
			.onConflict((oc) =>
				oc
					.columns(['analysis_id', 'contribution_id'])
					.doUpdateSet({ theme_id: toThemeId, centrality: 0, reasons: '[]', placed_by: 'agent' })
			)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'theme.moved',
			entityType: 'contribution',
			entityId: contributionId,
			before: { label: member?.label ?? null },
			after: { label: target.label }
		});
	});
	if (member?.status === 'validee' && member.tag)
		await applyToContributions(db, actor, [contributionId], { kind: 'untag', tag: member.tag });
	if (target.status === 'validee' && target.tag)
		await applyToContributions(db, actor, [contributionId], { kind: 'tag', tag: target.tag });
}

/** Every contribution of `themeId` joins `intoId`, and the theme goes. */
export async function mergeThemes(
	db: Db,
	actor: Actor | null,
	themeId: number,
	intoId: number
): Promise<void> {
	assertCan(actor, 'contributions.manage');
	if (themeId === intoId) throw new InvalidInputError('Choisissez un autre thème.', 'into');
	const [theme, into] = await Promise.all([themeRow(db, themeId), themeRow(db, intoId)]);
	if (theme.analysis_id !== into.analysis_id)
		throw new InvalidInputError('Les deux thèmes doivent venir de la même analyse.', 'into');
	const ids = await memberIds(db, themeId);
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('theme_member')
			.set({ theme_id: intoId })
			.where('theme_id', '=', themeId)
			.execute();
		await tx.deleteFrom('theme').where('id', '=', themeId).execute();
		await recordAudit(tx, {
			actor,
			action: 'theme.merged',
			entityType: 'theme',
			entityId: intoId,
			before: { label: theme.label },
			after: { label: into.label, count: ids.length }
		});
	});
	if (theme.status === 'validee' && theme.tag && theme.tag !== into.tag && ids.length)
		await applyToContributions(db, actor, ids, { kind: 'untag', tag: theme.tag });
	if (into.status === 'validee' && into.tag && ids.length)
		await applyToContributions(db, actor, ids, { kind: 'tag', tag: into.tag });
}

/** The theme's contributions grouped again on their own; the largest group stays. */
export async function splitTheme(db: Db, actor: Actor | null, themeId: number): Promise<number[]> {
	assertCan(actor, 'contributions.manage');
	const theme = await themeRow(db, themeId);
	const members = await db
		.selectFrom('theme_member as m')
		.innerJoin('contribution as c', 'c.id', 'm.contribution_id')
		.select(['c.id', 'c.text'])
		.where('m.theme_id', '=', themeId)
		.orderBy('m.centrality', 'desc')
		.orderBy('c.id')
		.execute();
	const theming = findThemes(
		members.map((m) => m.text),
		{ vocabulary: await themeVocabulary(db), maxThemes: 4 }
	);
	if (theming.themes.length < 2)
		throw new ConflictError(
			'Ce thème ne se partage pas : ses contributions se ressemblent trop, ou elles sont trop peu.'
		);
	const created: number[] = [];
	await db.transaction().execute(async (tx) => {
		for (const part of theming.themes.slice(1)) {
			const { id } = await tx
				.insertInto('theme')
				.values({
					analysis_id: theme.analysis_id,
					label: labelOf(part.terms),
					terms: toDbJson(part.terms),
					fiches: toDbJson([]),
					status: 'proposee',
					created_at: nowForDb()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			created.push(id);
			const ids = part.members.map((m) => members[m].id);
			await tx
				.updateTable('theme_member')
				.set({ theme_id: id })
				.where('analysis_id', '=', theme.analysis_id)
				.where('contribution_id', 'in', ids)
				.execute();
		}
		await tx
			.updateTable('theme')
			.set({ terms: toDbJson(theming.themes[0].terms) })
			.where('id', '=', themeId)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'theme.split',
			entityType: 'theme',
			entityId: themeId,
			before: { label: theme.label, count: members.length },
			after: { count: theming.themes[0].members.length, themes: created.length + 1 }
		});
	});
	return created;
}

/**
 * Links every contribution of the theme to the fiche with one decision and
 * its public explanation; those already linked get the decision on their
 * link. Answers how many were linked or decided.
 */
export async function linkThemeToFiche(
	db: Db,
	actor: Actor | null,
	themeId: number,
	input: { ref: string; decision: string; explanation: string }
): Promise<number> {
	assertCan(actor, 'contributions.manage');
	const theme = await themeRow(db, themeId);
	const fiche = await db
		.selectFrom('fiche')
		.select(['id', 'ref'])
		.where('ref', '=', input.ref.trim().toUpperCase())
		.executeTakeFirst();
	if (!fiche) throw new InvalidInputError('Aucune fiche-action ne porte cette référence.', 'ref');
	const ids = await memberIds(db, themeId);
	if (!ids.length) throw new ConflictError('Ce thème n’a aucune contribution.');
	// Checked once, before any link is made: a refusal leaves every contribution as it was.
	checkedDecision(input);
	let count = 0;
	for (const contributionId of ids) {
		const existing = await db
			.selectFrom('contribution_link')
			.select('id')
			.where('contribution_id', '=', contributionId)
			.where('fiche_id', '=', fiche.id)
			.executeTakeFirst();
		const linkId = existing?.id ?? (await linkToFiche(db, actor, contributionId, fiche.id));
		await decide(db, actor, linkId, input);
		count++;
	}
	await recordAudit(db, {
		actor,
		action: 'theme.linked',
		entityType: 'theme',
		entityId: themeId,
		after: { label: theme.label, ref: fiche.ref, decision: input.decision, count }
	});
	return count;
}

export interface ThemeMemberView {
	contributionId: number;
	text: string;
	reasons: string[];
	placedBy: 'calcul' | 'agent';
}

export interface ThemeDetail {
	id: number;
	analysisId: number;
	label: string;
	terms: string[];
	fiches: string[];
	status: 'proposee' | 'validee';
	tag: string | null;
	/** One page of its contributions, the most central first. */
	members: ThemeMemberView[];
	memberCount: number;
	/** The other themes of the analysis, to move a contribution or merge into. */
	others: { id: number; label: string }[];
	/** How its contributions split by territory, audience, channel and age band. */
	splits: ThemeSplit[];
}

export interface ThemeSplit {
	dimension: string;
	rows: { label: string; count: number }[];
}

const NOT_SAID = 'Non précisé';

/** Counts by the dimensions the contribution or its response carries. */
async function splitsOf(db: Executor, themeId: number): Promise<ThemeSplit[]> {
	const base = db
		.selectFrom('theme_member as m')
		.innerJoin('contribution as c', 'c.id', 'm.contribution_id')
		.leftJoin('response as r', 'r.id', 'c.response_id')
		.leftJoin('territory as t', 't.id', 'c.territory_id')
		.where('m.theme_id', '=', themeId);
	const count = <K extends 't.name' | 'r.audience' | 'r.channel' | 'r.age_band'>(column: K) =>
		base
			.select([`${column} as value` as never, (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy(column)
			.execute() as unknown as Promise<{ value: string | null; n: number }[]>;
	const [territories, audiences, channels, ages] = await Promise.all([
		count('t.name'),
		count('r.audience'),
		count('r.channel'),
		count('r.age_band')
	]);
	const ageLabels: Record<string, string> = Object.fromEntries(
		AGE_BANDS.map((b) => [b.code, b.label])
	);
	const ageOrder = [...AGE_BANDS.map((b) => b.label as string), NOT_SAID];
	const rows = (list: { value: string | null; n: number }[], words: Record<string, string> = {}) =>
		list
			.map((r) => ({
				label: r.value ? (words[r.value] ?? r.value) : NOT_SAID,
				count: Number(r.n)
			}))
			.sort((a, b) => b.count - a.count || compareFrench(a.label, b.label));
	return [
		{ dimension: 'Territoire', rows: rows(territories) },
		{ dimension: 'Public', rows: rows(audiences, AUDIENCE_LABELS) },
		{ dimension: 'Canal', rows: rows(channels, CHANNEL_LABELS) },
		{
			dimension: 'Tranche d’âge',
			// In the bands' own order, youngest first, « Non précisé » last.
			rows: rows(ages, ageLabels).sort(
				(a, b) => ageOrder.indexOf(a.label) - ageOrder.indexOf(b.label)
			)
		}
	];
}

export const THEME_PAGE_SIZE = 100;

export async function getTheme(
	db: Executor,
	actor: Actor | null,
	themeId: number,
	page = 1
): Promise<ThemeDetail> {
	assertCan(actor, 'contributions.manage');
	const theme = await db
		.selectFrom('theme')
		.select(['id', 'analysis_id', 'label', 'terms', 'fiches', 'status', 'tag'])
		.where('id', '=', themeId)
		.executeTakeFirst();
	if (!theme) throw new NotFoundError('Thème introuvable.');
	const [members, count, others, splits] = await Promise.all([
		db
			.selectFrom('theme_member as m')
			.innerJoin('contribution as c', 'c.id', 'm.contribution_id')
			.select(['c.id', 'c.text', 'm.reasons', 'm.placed_by'])
			.where('m.theme_id', '=', themeId)
			.orderBy('m.centrality', 'desc')
			.orderBy('c.id')
			.limit(THEME_PAGE_SIZE)
			.offset((Math.max(1, page) - 1) * THEME_PAGE_SIZE)
			.execute(),
		db
			.selectFrom('theme_member')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('theme_id', '=', themeId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('theme')
			.select(['id', 'label'])
			.where('analysis_id', '=', theme.analysis_id)
			.where('id', '!=', themeId)
			.orderBy('label')
			.execute(),
		splitsOf(db, themeId)
	]);
	return {
		id: theme.id,
		analysisId: theme.analysis_id,
		label: theme.label,
		terms: fromDbJson<string[]>(theme.terms, []),
		fiches: fromDbJson<string[]>(theme.fiches, []),
		status: theme.status,
		tag: theme.tag,
		members: members.map((m) => ({
			contributionId: m.id,
			text: m.text,
			reasons: fromDbJson<string[]>(m.reasons, []),
			placedBy: m.placed_by
		})),
		memberCount: Number(count.n),
		others,
		splits
	};
}
