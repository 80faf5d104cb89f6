import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadTerritoriesAxesAndComponents } from '../reference/seed';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors';
import { importSchemaUnchecked } from './import';
import { BUNDLED_SCHEMA } from './sources';
import { getFicheByRef } from './catalogue';
import { addIndicator, listIndicators } from './indicators';
import {
	getCampaign,
	getReviewForm,
	listCampaigns,
	openCampaign,
	publishCampaign,
	submitReview,
	validateReview
} from './reviews';
import { buildBilan } from './bilan';

async function setUp() {
	const db = await createTestDatabase();
	await loadTerritoriesAxesAndComponents(db);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	const agent = (await createTestUser(db, 'agent', { displayName: 'Karim Agent' })).actor;
	const pilote = (await createTestUser(db, 'pilote', { displayName: 'Sophie Pilote' })).actor;
	await db
		.updateTable('fiche')
		.set({ owner_user_id: pilote.id })
		.where('ref', 'in', ['HAB-04', 'AUT-28'])
		.execute();
	return { db, agent, pilote };
}

describe('yearly review campaign', () => {
	it('goes from opening to publication, pilotes filling their own fiches', async () => {
		const { db, agent, pilote } = await setUp();
		expect((await listCampaigns(db, agent)).map((c) => [c.year, c.status])).toEqual([
			[2025, 'publiee']
		]);
		await openCampaign(db, agent, 2026);
		await expect(openCampaign(db, agent, 2026)).rejects.toBeInstanceOf(ConflictError);
		await expect(openCampaign(db, pilote, 2027)).rejects.toBeInstanceOf(ForbiddenError);

		const mine = await getCampaign(db, pilote, 2026);
		expect(mine.rows.map((r) => r.ref)).toEqual(['AUT-28', 'HAB-04']);
		expect(mine.canManage).toBe(false);
		expect((await getCampaign(db, agent, 2026)).rows).toHaveLength(152);

		await addIndicator(db, pilote, 'HAB-04', { label: 'Jeunes accompagnés', unit: 'personnes' });
		const form = await getReviewForm(db, pilote, 2026, 'HAB-04');
		expect(form.form.status).toBe('en_cours');
		const indicatorId = String(form.indicators[0].id);
		await expect(
			submitReview(db, pilote, 2026, 'HAB-04', {
				status: 'realisee',
				text: 'Le pack est diffusé partout.',
				values: { [indicatorId]: 'beaucoup' }
			})
		).rejects.toBeInstanceOf(InvalidInputError);
		await submitReview(db, pilote, 2026, 'HAB-04', {
			status: 'realisee',
			text: 'Le pack est diffusé dans les trois territoires.',
			values: { [indicatorId]: '1 250' }
		});
		await expect(
			submitReview(db, pilote, 2026, 'HAB-05', {
				status: 'realisee',
				text: 'Pas ma fiche du tout.',
				values: {}
			})
		).rejects.toBeInstanceOf(ForbiddenError);

		// Not yet validated: the fiche and the bilan do not change.
		expect((await getFicheByRef(db, 'HAB-04'))?.status).toBe('en_cours');
		await expect(validateReview(db, pilote, 2026, 'HAB-04')).rejects.toBeInstanceOf(ForbiddenError);
		await validateReview(db, agent, 2026, 'HAB-04');
		const fiche = await getFicheByRef(db, 'HAB-04');
		expect(fiche?.status).toBe('realisee');
		expect(fiche?.history[0]).toMatchObject({
			source: 'bilan',
			reviewYear: 2026,
			changedBy: 'Karim Agent'
		});
		expect(
			(
				await listIndicators(
					db,
					(
						await db
							.selectFrom('fiche')
							.select('id')
							.where('ref', '=', 'HAB-04')
							.executeTakeFirstOrThrow()
					).id
				)
			)[0].values
		).toEqual({ 2026: 1250 });

		await publishCampaign(db, agent, 2026);
		await expect(
			submitReview(db, pilote, 2026, 'HAB-04', {
				status: 'en_cours',
				text: 'Trop tard pour changer.',
				values: {}
			})
		).rejects.toThrow(/publié/);

		const bilan = (await buildBilan(db, 2026))!;
		const habitat = bilan.sections
			.find((s) => s.componentCode === 'sectoriel')!
			.groups.find((g) => g.title === 'Habitat et logement')!;
		expect(habitat.actions.find((a) => a.ref === 'HAB-04')).toMatchObject({
			status: 'realisee',
			reviewText: 'Le pack est diffusé dans les trois territoires.'
		});
		expect(habitat.totals).toMatchObject({ total: 14, realisee: 1, unstated: 13 });
		const pack = bilan.flagships.flatMap((f) => f.fiches).find((f) => f.ref === 'HAB-04');
		expect(pack?.indicators).toEqual([
			{ label: 'Jeunes accompagnés', unit: 'personnes', value: 1250 }
		]);
	});

	it('rebuilds the 2025 review from the imported data, totals from its own rows', async () => {
		const { db } = await setUp();
		const bilan = (await buildBilan(db, 2025))!;
		const sectoral = bilan.sections.find((s) => s.componentCode === 'sectoriel')!;
		const habitat = sectoral.groups.find((g) => g.title === 'Habitat et logement')!;
		expect(habitat.totals).toMatchObject({
			total: 14,
			realisee: 0,
			en_cours: 8,
			reportee: 4,
			supprimee: 2
		});
		for (const section of bilan.sections) {
			for (const group of section.groups) {
				expect(group.totals.total).toBe(group.actions.length);
				expect(group.totals.en_cours).toBe(
					group.actions.filter((a) => a.status === 'en_cours').length
				);
			}
		}
		expect(bilan.totals.total).toBe(152);
		expect(bilan.flagships).toHaveLength(15);
		expect(bilan.flagships[0].fiches.map((f) => f.ref)).toEqual(['DEP-02', 'DEP-03', 'DEP-04']);
		expect(await buildBilan(db, 2030)).toBeNull();
	});
});
