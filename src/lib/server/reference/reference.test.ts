import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { ForbiddenError, InvalidInputError } from '../errors';
import { loadReferenceData } from './seed';
import {
	changeDepartment,
	getReferenceOverview,
	listCommunes,
	saveSite,
	setCommuneTerritory,
	setEpciTerritory
} from './service';

describe('reference data', () => {
	it('loads the 267 communes of Loir-et-Cher, each in a territory, with the 12 MDS', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		await loadReferenceData(db); // repeatable
		const { actor } = await createTestUser(db, 'admin');
		const overview = await getReferenceOverview(db, actor);

		expect(overview.department).toEqual({ code: '41', name: 'Loir-et-Cher' });
		expect(overview.territories.map((t) => t.code)).toEqual(['nord', 'centre', 'sud']);
		expect(overview.territories.reduce((n, t) => n + t.communeCount, 0)).toBe(267);
		expect(overview.unassignedCommunes).toBe(0);
		expect(overview.territories[2].challenges).toHaveLength(3);
		expect(overview.epcis).toHaveLength(12);
		expect(overview.epcis.filter((e) => e.territoryId === overview.territories[2].id)).toHaveLength(
			5
		);
		expect(overview.sites).toHaveLength(12);
		expect(overview.sites.every((s) => s.communeInseeCode && s.territoryId)).toBe(true);

		const blois = (await listCommunes(db, actor, { q: 'blois' })).find(
			(c) => c.inseeCode === '41018'
		);
		expect(blois).toMatchObject({ name: 'Blois', territoryId: overview.territories[1].id });
		expect(blois!.population).toBeGreaterThan(40000);
		expect((await listCommunes(db, actor, { q: 'romorantin lanthenay' }))[0]?.name).toBe(
			'Romorantin-Lanthenay'
		);
		expect(await db.selectFrom('axis').select('code').execute()).toHaveLength(9);
		expect(await db.selectFrom('component').select('code').execute()).toHaveLength(4);
	});

	it('moves an EPCI with its communes, or one commune alone, and audits it', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const { actor } = await createTestUser(db, 'admin');
		const { territories } = await getReferenceOverview(db, actor);
		const [nord, , sud] = territories;

		await setEpciTerritory(db, actor, '200072064', nord.id); // Val-de-Cher-Controis
		const moved = await listCommunes(db, actor, { epciCode: '200072064' });
		expect(moved.length).toBe(33);
		expect(moved.every((c) => c.territoryId === nord.id)).toBe(true);

		await setCommuneTerritory(db, actor, '41018', sud.id);
		expect(
			(await listCommunes(db, actor, { territoryId: sud.id })).some((c) => c.name === 'Blois')
		).toBe(true);
		const actions = (await db.selectFrom('audit_log').select('action').execute()).map(
			(a) => a.action
		);
		expect(actions).toEqual(['epci.territory_changed', 'commune.territory_changed']);

		await expect(setCommuneTerritory(db, actor, '41018', 9999)).rejects.toBeInstanceOf(
			InvalidInputError
		);
		const { actor: agent } = await createTestUser(db, 'agent');
		await expect(setCommuneTerritory(db, agent, '41018', nord.id)).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('adds a site whose territory follows its commune', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const { actor } = await createTestUser(db, 'admin');
		const id = await saveSite(db, actor, null, {
			name: 'Antenne de Contres',
			kind: 'antenne',
			communeInseeCode: '41059',
			address: null,
			directions: 'Derrière la mairie',
			note: null,
			active: true
		});
		const sites = (await getReferenceOverview(db, actor)).sites;
		const site = sites.find((s) => s.id === id);
		expect(site?.communeName).toBeTruthy();
		expect(site?.territoryId).not.toBeNull();
		expect(site?.directions).toBe('Derrière la mairie');
		// The reference data gives addresses and directions where a public source gave them.
		const mer = sites.find((s) => s.name.endsWith('de Mer'));
		expect(mer?.address).toBe('5 avenue Maunoury, 41500 Mer');
		const bracieux = sites.find((s) => s.name.endsWith('de Bracieux'));
		expect(bracieux?.directions).toBe("au sein de l'EHPAD La Bonne Eure");
		expect(sites.find((s) => s.name.endsWith('de Blois'))?.address).toBeNull();
	});

	it('loads another département’s communes when the setting changes', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const { actor } = await createTestUser(db, 'admin');
		const count = await changeDepartment(db, actor, { code: '37', name: 'Indre-et-Loire' });
		expect(count).toBeGreaterThan(250);
		expect((await getReferenceOverview(db, actor)).department.code).toBe('37');
		await expect(
			changeDepartment(db, actor, { code: '99', name: 'Nulle part' })
		).rejects.toBeInstanceOf(InvalidInputError);
	});
});
