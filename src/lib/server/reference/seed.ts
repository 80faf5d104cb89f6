// Loads reference data; safe to run again: it adds what is missing and
// refreshes official figures, but keeps what an administrator changed
// (territory assignments, names, sites).
import type { Db, Executor } from '../db/database';
import { toDbJson } from '../db/codecs';
import { parseCsv } from './csv';
import { communesOfDepartment } from './communes-source';
import { AXES, COMPONENTS, EPCI_TERRITORIES, TERRITORY_NAMES } from './loir-et-cher';
import { getDepartment } from '../settings/settings';
import territoriesCsv from './data/territoires.csv?raw';
import sitesCsv from './data/maisons-des-solidarites.csv?raw';

function splitChallenges(text: string): string[] {
	return text
		.split(/\s*;\s*/)
		.map((part) => part.replace(/^\d+\.\s*/, '').trim())
		.filter(Boolean);
}

async function territoryIdsByCode(db: Executor): Promise<Map<string, number>> {
	const rows = await db.selectFrom('territory').select(['id', 'code']).execute();
	return new Map(rows.map((row) => [row.code, row.id]));
}

export async function loadTerritoriesAxesAndComponents(db: Executor): Promise<void> {
	const territories = parseCsv(territoriesCsv);
	for (const [position, row] of territories.entries()) {
		await db
			.insertInto('territory')
			.values({
				code: row.territoire,
				name: TERRITORY_NAMES[row.territoire] ?? row.territoire,
				challenges: toDbJson(splitChallenges(row.defis ?? '')),
				position
			})
			.onConflict((oc) => oc.column('code').doNothing())
			.execute();
	}
	for (const [position, component] of COMPONENTS.entries()) {
		await db
			.insertInto('component')
			.values({ ...component, position })
			.onConflict((oc) => oc.column('code').doNothing())
			.execute();
	}
	for (const [position, axis] of AXES.entries()) {
		await db
			.insertInto('axis')
			.values({ ...axis, position })
			.onConflict((oc) => oc.column('code').doNothing())
			.execute();
	}
}

/** Adds or refreshes the communes and EPCIs of a département; returns how many communes it has. */
export async function loadCommunes(db: Executor, departmentCode: string): Promise<number> {
	const { communes, epcis } = communesOfDepartment(departmentCode);
	const territoryIds = await territoryIdsByCode(db);
	for (const epci of epcis) {
		const territory = EPCI_TERRITORIES[epci.code];
		await db
			.insertInto('epci')
			.values({
				code: epci.code,
				name: epci.name,
				territory_id: territoryIds.get(territory) ?? null
			})
			.onConflict((oc) => oc.column('code').doUpdateSet({ name: epci.name }))
			.execute();
	}
	const epciTerritory = new Map(
		(await db.selectFrom('epci').select(['code', 'territory_id']).execute()).map((e) => [
			e.code,
			e.territory_id
		])
	);
	for (const commune of communes) {
		const values = {
			name: commune.name,
			department_code: departmentCode,
			postal_codes: toDbJson(commune.postalCodes),
			population: commune.population,
			epci_code: commune.epciCode
		};
		await db
			.insertInto('commune')
			.values({
				insee_code: commune.inseeCode,
				...values,
				territory_id: commune.epciCode ? (epciTerritory.get(commune.epciCode) ?? null) : null
			})
			.onConflict((oc) => oc.column('insee_code').doUpdateSet(values))
			.execute();
	}
	return communes.length;
}

export async function loadSites(db: Executor, departmentCode: string): Promise<void> {
	const territoryIds = await territoryIdsByCode(db);
	const communes = await db
		.selectFrom('commune')
		.select(['insee_code', 'name', 'territory_id'])
		.where('department_code', '=', departmentCode)
		.execute();
	const key = (name: string) => name.toLocaleLowerCase('fr');
	// A merged commune often keeps the old name as a prefix (Montrichard →
	// Montrichard Val de Cher): fall back to that when no name matches.
	const findCommune = (name: string) =>
		communes.find((c) => key(c.name) === key(name)) ??
		communes.find((c) => key(c.name).startsWith(`${key(name)} `));
	for (const row of parseCsv(sitesCsv)) {
		const commune = findCommune(row.commune);
		await db
			.insertInto('site')
			.values({
				name: `Maison départementale des solidarités de ${row.commune}`,
				kind: 'mds',
				commune_insee_code: commune?.insee_code ?? null,
				address: row.adresse || null,
				directions: row.ou || null,
				territory_id: territoryIds.get(row.territoire_probable) ?? commune?.territory_id ?? null,
				note: row.remarque || null,
				active: 1
			})
			.onConflict((oc) => oc.column('name').doNothing())
			.execute();
	}
}

export async function loadReferenceData(db: Db): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const department = await getDepartment(tx);
		await loadTerritoriesAxesAndComponents(tx);
		await loadCommunes(tx, department.code);
		await loadSites(tx, department.code);
	});
}

export async function hasReferenceData(db: Executor): Promise<boolean> {
	return (await db.selectFrom('territory').select('id').limit(1).executeTakeFirst()) !== undefined;
}
