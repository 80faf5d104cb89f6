import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { createTestContext, createTestDatabase, createTestUser } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { ForbiddenError, InvalidInputError } from '../errors';
import { foldForSearch } from '../text';
import {
	getThemeAnalysis,
	listThemeAnalyses,
	requestThemeAnalysis,
	runPendingThemeAnalyses,
	themeAnalysisOf
} from './analyses';
import {
	getTheme,
	linkThemeToFiche,
	mergeThemes,
	moveToTheme,
	renameTheme,
	splitTheme,
	validateTheme
} from './editing';
import { TUNING_ANSWERS } from './evaluation';
import { THEME_VOCABULARY } from './vocabulary';
import {
	saveThemeVocabulary,
	THEME_GROUP_MAX_WORDS,
	themeVocabulary,
	themeVocabularyForEditing
} from './vocabulary-settings';
import { parseSynonyms } from '../search/synonyms';

async function setup(answers = TUNING_ANSWERS.filter((_, i) => i % 2 === 0)) {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	await addContributions(
		db,
		answers.map((a) => a.text)
	);
	const agent = (await createTestUser(db, 'agent')).actor;
	return { db, ctx: createTestContext(db), agent };
}

async function addContributions(db: Db, texts: string[]) {
	await db
		.insertInto('contribution')
		.values(
			texts.map((text) => ({
				source: 'terrain' as const,
				text,
				search_text: foldForSearch(text),
				created_at: new Date().toISOString()
			}))
		)
		.execute();
}

const field = { source: 'terrain' as const };

describe('theme analyses', () => {
	it('are asked for, computed by the job once, and read with their themes', async () => {
		const { db, ctx, agent } = await setup();
		const id = await requestThemeAnalysis(ctx, agent, field);
		expect((await themeAnalysisOf(db, agent, field))?.status).toBe('en_attente');
		expect(await requestThemeAnalysis(ctx, agent, { ...field, q: '' })).toBe(id);

		// Two instances at once: one claims it, the other finds nothing left.
		const [a, b] = await Promise.all([runPendingThemeAnalyses(ctx), runPendingThemeAnalyses(ctx)]);
		expect(a + b).toBe(1);
		expect(await runPendingThemeAnalyses(ctx)).toBe(0);

		const view = await getThemeAnalysis(db, agent, id);
		expect(view.status).toBe('prete');
		expect(view.progress).toBe(100);
		expect(view.title).toBe('Contributions de la boîte de réception : entretien de terrain');
		expect(view.contributionCount).toBe(202);
		expect(view.themes.length).toBeGreaterThanOrEqual(6);
		expect(view.themes.reduce((s, t) => s + t.size, 0) + view.unplaced).toBe(202);
		const transport = view.themes.find((t) => t.terms[0] === 'transport')!;
		expect(transport.label).toMatch(/^Transport, /);
		expect(transport.quotes).toHaveLength(5);
		expect(transport.fiches).toContain('INS-06');
		const detail = await getTheme(db, agent, transport.id);
		expect(detail.members.slice(0, 5).map((m) => m.contributionId)).toEqual(
			transport.quotes.map((q) => q.contributionId)
		);
		expect(detail.members.every((m) => m.placedBy === 'calcul' && m.reasons.length > 0)).toBe(true);
		expect((await listThemeAnalyses(db, agent)).map((a) => a.id)).toEqual([id]);
	});

	it('keep a validated theme, its name and tag, when computed again with new answers', async () => {
		const { db, ctx, agent } = await setup();
		const id = await requestThemeAnalysis(ctx, agent, field);
		await runPendingThemeAnalyses(ctx);
		const transport = (await getThemeAnalysis(db, agent, id)).themes.find(
			(t) => t.terms[0] === 'transport'
		)!;
		await renameTheme(db, agent, transport.id, '  Se   déplacer sans voiture ');
		expect(await validateTheme(db, agent, transport.id, '')).toBe('se-deplacer-sans-voiture');
		const tagged = await db
			.selectFrom('contribution_tag')
			.select('contribution_id')
			.where('tag', '=', 'se-deplacer-sans-voiture')
			.execute();
		expect(tagged).toHaveLength(transport.size);

		await addContributions(
			db,
			TUNING_ANSWERS.filter((a, i) => i % 2 === 1).map((a) => a.text)
		);
		await requestThemeAnalysis(ctx, agent, field);
		await runPendingThemeAnalyses(ctx);
		const again = await getThemeAnalysis(db, agent, id);
		expect(again.contributionCount).toBe(403);
		const kept = again.themes[0];
		expect(kept).toMatchObject({
			id: transport.id,
			label: 'Se déplacer sans voiture',
			status: 'validee',
			tag: 'se-deplacer-sans-voiture'
		});
		expect(kept.size).toBeGreaterThan(transport.size);
	});

	it('let the officer move, merge, split and link in bulk, and refuse others', async () => {
		const { db, ctx, agent } = await setup();
		const id = await requestThemeAnalysis(ctx, agent, field);
		await runPendingThemeAnalyses(ctx);
		const [first, second] = (await getThemeAnalysis(db, agent, id)).themes;
		await validateTheme(db, agent, second.id, 'deuxieme');

		const moved = first.quotes[0].contributionId;
		await moveToTheme(db, agent, moved, second.id);
		const after = await getTheme(db, agent, second.id);
		expect(after.members.find((m) => m.contributionId === moved)?.placedBy).toBe('agent');
		const tags = await db
			.selectFrom('contribution_tag')
			.select('tag')
			.where('contribution_id', '=', moved)
			.execute();
		expect(tags.map((t) => t.tag)).toContain('deuxieme');

		// Refused before any link: an explanation too long to publish.
		await expect(
			linkThemeToFiche(db, agent, second.id, {
				ref: 'INS-06',
				decision: 'prise_en_compte',
				explanation: 'x'.repeat(2001)
			})
		).rejects.toBeInstanceOf(InvalidInputError);
		expect(await db.selectFrom('contribution_link').select('id').execute()).toEqual([]);

		const count = await linkThemeToFiche(db, agent, second.id, {
			ref: 'ins-06',
			decision: 'prise_en_compte',
			explanation: 'Ces idées nourrissent le plan de mobilité solidaire.'
		});
		expect(count).toBe(after.members.length);
		const links = await db
			.selectFrom('contribution_link')
			.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
			.select(['contribution_link.decision'])
			.where('fiche.ref', '=', 'INS-06')
			.execute();
		expect(links).toHaveLength(count);
		expect(links.every((l) => l.decision === 'prise_en_compte')).toBe(true);
		await expect(
			linkThemeToFiche(db, agent, second.id, { ref: 'XXX-99', decision: 'x', explanation: '' })
		).rejects.toBeInstanceOf(InvalidInputError);
		await expect(
			linkThemeToFiche(db, agent, second.id, { ref: 'INS-06', decision: 'x', explanation: '' })
		).rejects.toBeInstanceOf(InvalidInputError);

		const parts = await splitTheme(db, agent, first.id);
		expect(parts.length).toBeGreaterThanOrEqual(1);
		const split = await getThemeAnalysis(db, agent, id);
		expect(split.themes.reduce((s, t) => s + t.size, 0) + split.unplaced).toBe(202);
		await mergeThemes(db, agent, parts[0], first.id);
		expect((await getThemeAnalysis(db, agent, id)).themes.map((t) => t.id)).not.toContain(parts[0]);
		await expect(mergeThemes(db, agent, first.id, first.id)).rejects.toBeInstanceOf(
			InvalidInputError
		);
		await expect(renameTheme(db, agent, first.id, '   ')).rejects.toBeInstanceOf(InvalidInputError);

		for (const role of ['pilote', 'habitant'] as const) {
			const other = (await createTestUser(db, role)).actor;
			await expect(getThemeAnalysis(db, other, id)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(requestThemeAnalysis(ctx, other, field)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(renameTheme(db, other, first.id, 'x')).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('use the vocabulary officers edit, kept apart from the search synonyms', async () => {
		const { db, ctx, agent } = await setup(TUNING_ANSWERS.slice(0, 60));
		expect(await themeVocabularyForEditing(db, agent)).toEqual(THEME_VOCABULARY);
		const long = Array.from({ length: 45 }, (_, i) => `mot${i}`).join(', ');
		const groups = parseSynonyms(`transport, navette, minibus\n${long}`, THEME_GROUP_MAX_WORDS);
		expect(groups[1]).toHaveLength(45);
		await saveThemeVocabulary(db, agent, groups);
		expect(await themeVocabulary(db)).toEqual(groups);
		const id = await requestThemeAnalysis(ctx, agent, field);
		await runPendingThemeAnalyses(ctx);
		const view = await getThemeAnalysis(db, agent, id);
		expect(view.themes.flatMap((t) => t.terms)).not.toContain('aidant');
		await saveThemeVocabulary(db, agent, 'defaults');
		expect(await themeVocabulary(db)).toEqual(THEME_VOCABULARY);
		const pilote = (await createTestUser(db, 'pilote')).actor;
		await expect(saveThemeVocabulary(db, pilote, 'defaults')).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
