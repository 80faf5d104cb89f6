import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadTerritoriesAxesAndComponents } from '../reference/seed';
import { ForbiddenError, InvalidInputError } from '../errors';
import { importSchemaUnchecked } from './import';
import { BUNDLED_SCHEMA } from './sources';
import { getFicheByRef, searchFiches } from './catalogue';
import {
	changeFicheStatus,
	ficheContentFields,
	ficheContentSchema,
	getFicheForEditing,
	listEditableFiches,
	statusChangeSchema,
	updateFicheContent
} from './editing';

async function setUp() {
	const db = await createTestDatabase();
	await loadTerritoriesAxesAndComponents(db);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	const agent = await createTestUser(db, 'agent');
	const pilote = await createTestUser(db, 'pilote', { displayName: 'Sophie Pilote' });
	await db
		.updateTable('fiche')
		.set({ owner_user_id: pilote.user.id })
		.where('ref', '=', 'HAB-04')
		.execute();
	return { db, agent: agent.actor, pilote: pilote.actor };
}

describe('editing fiches', () => {
	it('lets a pilote edit only the fiches they own', async () => {
		const { db, pilote } = await setUp();
		expect((await listEditableFiches(db, pilote)).map((f) => f.ref)).toEqual(['HAB-04']);
		const view = await getFicheForEditing(db, pilote, 'HAB-04');
		expect(view.canChangeOwner).toBe(false);
		await updateFicheContent(db, pilote, 'HAB-04', {
			...view.content,
			description: 'Un **pack** pour les jeunes de 16 à 25 ans.',
			ownerUserId: null
		});
		const fiche = await getFicheByRef(db, 'HAB-04');
		expect(fiche?.descriptionHtml).toContain('<strong>pack</strong>');
		expect(fiche?.ownerName).toBe('Sophie Pilote'); // a pilote cannot give the fiche away

		await expect(getFicheForEditing(db, pilote, 'HAB-05')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			changeFicheStatus(db, pilote, 'AUT-28', { status: 'realisee', comment: 'Fini' })
		).rejects.toBeInstanceOf(ForbiddenError);
		const { actor: resident } = await createTestUser(db, 'habitant');
		await expect(listEditableFiches(db, resident)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('records each status change with its comment, publicly and in the audit log', async () => {
		const { db, agent, pilote } = await setUp();
		expect(statusChangeSchema.safeParse({ status: 'realisee', comment: '' }).success).toBe(false);
		await changeFicheStatus(db, pilote, 'HAB-04', {
			status: 'realisee',
			comment: 'Le pack est distribué dans les 3 territoires.'
		});
		await expect(
			changeFicheStatus(db, agent, 'HAB-04', { status: 'realisee', comment: 'Encore' })
		).rejects.toBeInstanceOf(InvalidInputError);

		const fiche = await getFicheByRef(db, 'HAB-04');
		expect(fiche?.status).toBe('realisee');
		expect(fiche?.history.map((h) => h.status)).toEqual(['realisee', 'en_cours']);
		expect(fiche?.history[0]).toMatchObject({ source: 'modification', changedBy: 'Sophie Pilote' });
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'fiche.status_changed')
			.execute();
		expect(JSON.parse(audit[0].before!)).toEqual({ status: 'en_cours' });

		const hab = await searchFiches(db, { axis: 'habitat-logement' });
		expect(hab.totals).toMatchObject({ realisee: 1, en_cours: 7 });

		// Importing the same review again does not undo the pilote's update.
		const again = await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
		expect(again.statusChanges).toBe(0);
		expect((await getFicheByRef(db, 'HAB-04'))?.status).toBe('realisee');
	});

	it('lets an agent assign a pilote and keeps search in step with the text', async () => {
		const { db, agent, pilote } = await setUp();
		const view = await getFicheForEditing(db, agent, 'NUM-01');
		// The form's list of words is split on commas, semicolons and lines.
		const posted = ficheContentSchema.parse({
			...ficheContentFields(view.content),
			ownerUserId: String(pilote.id),
			description: 'Des ateliers de sophrologie dans les ludothèques.',
			keywords: 'relaxation ; jeux\n détente'
		});
		expect(posted).toMatchObject({
			ownerUserId: pilote.id,
			keywords: ['relaxation', 'jeux', 'détente']
		});
		await updateFicheContent(db, agent, 'NUM-01', posted);
		expect((await listEditableFiches(db, pilote)).map((f) => f.ref)).toEqual(['HAB-04', 'NUM-01']);
		expect(
			(await searchFiches(db, { q: 'sophrologie ludotheques' })).fiches.map((f) => f.ref)
		).toEqual(['NUM-01']);
		expect((await searchFiches(db, { q: 'relaxation' })).fiches.map((f) => f.ref)).toEqual([
			'NUM-01'
		]);
		const saved = (await getFicheForEditing(db, agent, 'NUM-01')).content;
		expect(ficheContentFields(saved).keywords).toBe('relaxation, jeux, détente');
		await expect(
			updateFicheContent(db, agent, 'NUM-01', { ...view.content, ownerUserId: 999999 })
		).rejects.toBeInstanceOf(InvalidInputError);
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'fiche.updated')
			.execute();
		expect(audit).toHaveLength(1);
		expect(Object.keys(JSON.parse(audit[0].after!)).sort()).toEqual([
			'description',
			'keywords',
			'owner_user_id'
		]);
	});
});
