import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadTerritoriesAxesAndComponents } from '../reference/seed';
import { ForbiddenError, InvalidInputError } from '../errors';
import { importSchema, importSchemaUnchecked } from './import';
import { BUNDLED_SCHEMA } from './sources';
import { getFacets, getFicheByRef, parseFilters, searchFiches } from './catalogue';
import { openDataFiches, toCsv } from './open-data';

async function importedDatabase() {
	const db = await createTestDatabase();
	await loadTerritoriesAxesAndComponents(db);
	const report = await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	return { db, report };
}

describe('import of the schéma', () => {
	it('loads the 152 fiches and both flagship lists, and is repeatable', async () => {
		const { db, report } = await importedDatabase();
		expect(report).toMatchObject({ created: 152, updated: 0, flagshipActions: 36 });
		expect(report.statusChanges).toBeGreaterThan(40);

		const again = await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
		expect(again).toMatchObject({
			created: 0,
			updated: 152,
			statusChanges: 0,
			flagshipActions: 36
		});
		const counts = await Promise.all(
			(
				[
					'fiche',
					'fiche_status_change',
					'flagship_action',
					'flagship_action_fiche',
					'objective'
				] as const
			).map(async (table) => (await db.selectFrom(table).selectAll().execute()).length)
		);
		expect(counts[0]).toBe(152);
		expect(counts[1]).toBe(report.statusChanges);
		expect(counts[2]).toBe(36);
	});

	it('matches the official totals of the review for habitat-logement', async () => {
		const { report } = await importedDatabase();
		const hab = report.check.find((c) => c.perimeter === 'habitat-logement')!;
		expect(hab.matches).toBe(true);
		expect(hab.computed).toMatchObject({
			total: 14,
			realisee: 0,
			en_cours: 8,
			reportee: 4,
			supprimee: 2
		});
		const flagships = report.check.find((c) => c.perimeter === 'actions-phares-2025')!;
		expect(flagships.matches).toBe(true);
		// Axes whose per-action statuses the review lost are reported, not invented.
		const enfance = report.check.find((c) => c.perimeter === 'enfance-famille')!;
		expect(enfance.matches).toBe(false);
		expect(enfance.computed.unstated).toBe(15);
	});

	it('keeps the status history with its source, and flagship years from both lists', async () => {
		const { db } = await importedDatabase();
		const san09 = await getFicheByRef(db, 'san-09');
		expect(san09?.status).toBe('en_cours');
		expect(san09?.flagshipYears).toEqual([2025, 2026]);
		expect(san09?.history).toHaveLength(1);
		expect(san09?.history[0]).toMatchObject({
			status: 'en_cours',
			source: 'import',
			reviewYear: 2025
		});
		expect(san09?.note).toContain('se contredisent');

		const dep02 = await getFicheByRef(db, 'DEP-02');
		expect(dep02?.objective).toBe(
			'Améliorer l’accès aux droits et la qualité des accueils des services'.replace('’', "'")
		);
		expect(dep02?.budget).toBe('budget 131 680 €');
		expect(dep02?.keyFigures).toContain('15 876 appels reçus');
		expect(dep02?.flagshipActions.map((f) => f.year)).toEqual([2025]);
	});

	it('refuses malformed files with a French message, and residents', async () => {
		const db = await createTestDatabase();
		await loadTerritoriesAxesAndComponents(db);
		await expect(
			importSchemaUnchecked(db, null, { ...BUNDLED_SCHEMA, sectoral: 'a,b\n1,2\n' })
		).rejects.toThrow(/doit avoir les colonnes/);
		const badStatus = BUNDLED_SCHEMA.sectoral.replace(
			'ENF-03,sectoriel,enfance-famille,3,Développer la pair-aidance entre parents,en_cours',
			'ENF-03,sectoriel,enfance-famille,3,Développer la pair-aidance entre parents,presque'
		);
		const error = await importSchemaUnchecked(db, null, {
			...BUNDLED_SCHEMA,
			sectoral: badStatus
		}).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect(error.message).toMatch(/statut « presque » inconnu/);
		expect(await db.selectFrom('fiche').selectAll().execute()).toHaveLength(0);

		const { actor } = await createTestUser(db, 'habitant');
		await expect(importSchema(db, actor, BUNDLED_SCHEMA)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('public catalogue', () => {
	it('finds fiches whatever the accents and case, and filters them', async () => {
		const { db } = await importedDatabase();
		const facets = await getFacets(db);
		const search = (query: string) =>
			searchFiches(db, parseFilters(new URLSearchParams(query), facets));

		expect((await search('q=aidants')).fiches.map((f) => f.ref)).toContain('AUT-28');
		const numerique = await search('q=NUMERIQUE');
		expect(numerique.fiches.length).toBeGreaterThan(20);
		expect(numerique.fiches.some((f) => f.ref.startsWith('NUM-'))).toBe(true);
		expect((await search('q=répit parental')).fiches.map((f) => f.ref)).toEqual(['ENF-02']);

		// « transport » finds the fiches about mobility, and « transports » too (stemmed).
		const transport = (await search('q=transport')).fiches.map((f) => f.title.toLowerCase());
		expect(transport.length).toBeGreaterThan(0);
		expect(transport.some((t) => t.includes('mobilit'))).toBe(true);
		expect((await search('q=transports')).fiches.length).toBe(transport.length);

		const hab = await search('axe=habitat-logement&statut=reportee');
		expect(hab.fiches).toHaveLength(4);
		expect(hab.totals).toMatchObject({ total: 4, reportee: 4 });
		expect((await search('phare=2026')).fiches.map((f) => f.ref)).toEqual(
			expect.arrayContaining(['SAN-09', 'DEP-08'])
		);
		expect((await search('statut=inconnu&axe=nope')).fiches).toHaveLength(152);

		const all = await search('');
		const habCounts = all.countsByAxis.find((c) => c.axisCode === 'habitat-logement')!;
		expect(habCounts.counts).toMatchObject({ total: 14, en_cours: 8, reportee: 4, supprimee: 2 });
		expect(all.totals.total).toBe(152);
	});

	it('publishes the whole plan as open data with stable columns', async () => {
		const { db } = await importedDatabase();
		const fiches = await openDataFiches(db);
		expect(fiches).toHaveLength(152);
		expect(fiches.find((f) => f.ref === 'AUT-28')).toMatchObject({
			title: 'Soutenir les aidants avec des solutions de répit adaptées',
			axis: 'autonomie',
			status: 'en_cours',
			flagshipYears: [2025]
		});
		expect(fiches.find((f) => f.ref === 'ENF-01')?.status).toBeNull();
		const csv = toCsv(fiches);
		expect(csv.split('\n')[0]).toBe(
			'\uFEFFref,title,component,axis,objective,number,status,flagshipYears,territory,direction,budget,keyFigures,updatedAt'
		);
		expect(csv).toContain('SAN-09,');
	});
});
