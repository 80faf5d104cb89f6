// What an administrator sees and changes in the reference data.
import { z } from 'zod';
import { emptyAsNull, optionalId } from '../form-fields';
import type { Db } from '../db/database';
import { fromDbBool, fromDbJson, toDbBool } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { getDepartment, saveDepartment, type Department } from '../settings/settings';
import { loadCommunes } from './seed';
import { foldForSearch } from '../text';
import { byFrench } from '../db/database';

export interface Territory {
	id: number;
	code: string;
	name: string;
	challenges: string[];
	communeCount: number;
	population: number;
}

export interface Epci {
	code: string;
	name: string;
	territoryId: number | null;
	communeCount: number;
}

export interface Commune {
	inseeCode: string;
	name: string;
	postalCodes: string[];
	population: number;
	epciCode: string | null;
	epciName: string | null;
	territoryId: number | null;
}

export const SITE_KINDS = {
	mds: 'Maison départementale des solidarités',
	antenne: 'Antenne'
} as const;
export type SiteKind = keyof typeof SITE_KINDS;

export interface Site {
	id: number;
	name: string;
	kind: SiteKind;
	communeInseeCode: string | null;
	communeName: string | null;
	address: string | null;
	directions: string | null;
	territoryId: number | null;
	note: string | null;
	active: boolean;
}

export async function listTerritories(db: Db): Promise<Territory[]> {
	const rows = await db
		.selectFrom('territory')
		.leftJoin('commune', 'commune.territory_id', 'territory.id')
		.select(['territory.id', 'territory.code', 'territory.name', 'territory.challenges'])
		.select((eb) => [
			eb.fn.count<number>('commune.insee_code').as('commune_count'),
			eb.fn.coalesce(eb.fn.sum<number>('commune.population'), eb.lit(0)).as('population')
		])
		.groupBy(['territory.id', 'territory.code', 'territory.name', 'territory.challenges'])
		.orderBy('territory.position')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		code: row.code,
		name: row.name,
		challenges: fromDbJson<string[]>(row.challenges, []),
		communeCount: Number(row.commune_count),
		population: Number(row.population)
	}));
}

export async function getReferenceOverview(db: Db, actor: Actor | null) {
	assertCan(actor, 'reference.manage');
	const [department, territories, epcis, sites, unassigned] = await Promise.all([
		getDepartment(db),
		listTerritories(db),
		db
			.selectFrom('epci')
			.leftJoin('commune', 'commune.epci_code', 'epci.code')
			.select(['epci.code', 'epci.name', 'epci.territory_id'])
			.select((eb) => eb.fn.count<number>('commune.insee_code').as('commune_count'))
			.groupBy(['epci.code', 'epci.name', 'epci.territory_id'])
			.orderBy(byFrench('epci.name'))
			.execute(),
		listSites(db),
		db
			.selectFrom('commune')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('territory_id', 'is', null)
			.executeTakeFirstOrThrow()
	]);
	return {
		department,
		territories,
		epcis: epcis.map((e): Epci => ({
			code: e.code,
			name: e.name,
			territoryId: e.territory_id,
			communeCount: Number(e.commune_count)
		})),
		sites,
		unassignedCommunes: Number(unassigned.n)
	};
}

export async function listCommunes(
	db: Db,
	actor: Actor | null,
	filter: { q?: string; territoryId?: number | 'none'; epciCode?: string }
): Promise<Commune[]> {
	assertCan(actor, 'reference.manage');
	let query = db
		.selectFrom('commune')
		.leftJoin('epci', 'epci.code', 'commune.epci_code')
		.selectAll('commune')
		.select('epci.name as epci_name')
		.orderBy(byFrench('commune.name'));
	if (filter.territoryId === 'none') query = query.where('commune.territory_id', 'is', null);
	else if (filter.territoryId) query = query.where('commune.territory_id', '=', filter.territoryId);
	if (filter.epciCode) query = query.where('commune.epci_code', '=', filter.epciCode);
	const rows = await query.execute();
	// A département has a few hundred communes: matching here ignores accents
	// and hyphens the same way on every database.
	const needle = filter.q ? foldForSearch(filter.q.trim()) : '';
	return rows
		.filter(
			(row) => !needle || foldForSearch(row.name).includes(needle) || row.insee_code === needle
		)
		.map((row) => ({
			inseeCode: row.insee_code,
			name: row.name,
			postalCodes: fromDbJson<string[]>(row.postal_codes, []),
			population: row.population,
			epciCode: row.epci_code,
			epciName: row.epci_name,
			territoryId: row.territory_id
		}));
}

async function assertTerritoryExists(db: Db, territoryId: number | null): Promise<void> {
	if (territoryId === null) return;
	const found = await db
		.selectFrom('territory')
		.select('id')
		.where('id', '=', territoryId)
		.executeTakeFirst();
	if (!found) throw new InvalidInputError('Ce territoire n’existe pas.', 'territoryId');
}

/** Moves an EPCI, and every commune in it, to a territory. */
export async function setEpciTerritory(
	db: Db,
	actor: Actor | null,
	epciCode: string,
	territoryId: number | null
): Promise<void> {
	assertCan(actor, 'reference.manage');
	await assertTerritoryExists(db, territoryId);
	await db.transaction().execute(async (tx) => {
		const epci = await tx
			.selectFrom('epci')
			.selectAll()
			.where('code', '=', epciCode)
			.executeTakeFirst();
		if (!epci) throw new NotFoundError('Cette intercommunalité n’existe pas.');
		if (epci.territory_id === territoryId) return;
		await tx
			.updateTable('epci')
			.set({ territory_id: territoryId })
			.where('code', '=', epciCode)
			.execute();
		await tx
			.updateTable('commune')
			.set({ territory_id: territoryId })
			.where('epci_code', '=', epciCode)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'epci.territory_changed',
			entityType: 'epci',
			entityId: epciCode,
			before: { name: epci.name, territoryId: epci.territory_id },
			after: { name: epci.name, territoryId }
		});
	});
}

export async function setCommuneTerritory(
	db: Db,
	actor: Actor | null,
	inseeCode: string,
	territoryId: number | null
): Promise<void> {
	assertCan(actor, 'reference.manage');
	await assertTerritoryExists(db, territoryId);
	const commune = await db
		.selectFrom('commune')
		.select(['name', 'territory_id'])
		.where('insee_code', '=', inseeCode)
		.executeTakeFirst();
	if (!commune) throw new NotFoundError('Cette commune n’existe pas.');
	if (commune.territory_id === territoryId) return;
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('commune')
			.set({ territory_id: territoryId })
			.where('insee_code', '=', inseeCode)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'commune.territory_changed',
			entityType: 'commune',
			entityId: inseeCode,
			before: { name: commune.name, territoryId: commune.territory_id },
			after: { name: commune.name, territoryId }
		});
	});
}

/** A commune or an intercommunality placed in a territory, or in none. */
export const territoryChoiceSchema = z.object({
	territoryId: optionalId('Choisissez un territoire dans la liste.')
});

export const territorySchema = z.object({
	name: z
		.string({ error: 'Indiquez le nom du territoire.' })
		.trim()
		.min(1, { error: 'Indiquez le nom du territoire.' })
		.max(80, { error: 'Le nom ne doit pas dépasser 80 caractères.' })
});

export async function renameTerritory(
	db: Db,
	actor: Actor | null,
	id: number,
	input: z.infer<typeof territorySchema>
): Promise<void> {
	assertCan(actor, 'reference.manage');
	const before = await db
		.selectFrom('territory')
		.select('name')
		.where('id', '=', id)
		.executeTakeFirst();
	if (!before) throw new NotFoundError('Ce territoire n’existe pas.');
	await db.transaction().execute(async (tx) => {
		await tx.updateTable('territory').set({ name: input.name }).where('id', '=', id).execute();
		await recordAudit(tx, {
			actor,
			action: 'territory.renamed',
			entityType: 'territory',
			entityId: id,
			before,
			after: { name: input.name }
		});
	});
}

export async function listSites(db: Db): Promise<Site[]> {
	const rows = await db
		.selectFrom('site')
		.leftJoin('commune', 'commune.insee_code', 'site.commune_insee_code')
		.selectAll('site')
		.select('commune.name as commune_name')
		.orderBy(byFrench('site.name'))
		.execute();
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		kind: row.kind === 'antenne' ? 'antenne' : 'mds',
		communeInseeCode: row.commune_insee_code,
		communeName: row.commune_name,
		address: row.address,
		directions: row.directions,
		territoryId: row.territory_id,
		note: row.note,
		active: fromDbBool(row.active)
	}));
}

const optionalText = (max: number, message: string) =>
	z.string().trim().max(max, { error: message }).transform(emptyAsNull).nullable().default(null);

export const siteSchema = z.object({
	name: z
		.string({ error: 'Indiquez le nom du lieu.' })
		.trim()
		.min(1, { error: 'Indiquez le nom du lieu.' })
		.max(150, { error: 'Le nom ne doit pas dépasser 150 caractères.' }),
	kind: z.enum(['mds', 'antenne'], { error: 'Choisissez le type de lieu.' }),
	communeInseeCode: z
		.string({ error: 'Choisissez une commune.' })
		.trim()
		.regex(/^\d[\dAB]\d{3}$/, { error: 'Choisissez une commune dans la liste.' }),
	address: optionalText(250, 'L’adresse ne doit pas dépasser 250 caractères.'),
	directions: optionalText(300, 'Ce texte ne doit pas dépasser 300 caractères.'),
	note: optionalText(500, 'La remarque ne doit pas dépasser 500 caractères.'),
	active: z.boolean()
});
export type SiteInput = z.infer<typeof siteSchema>;

/** Creates a site (id null) or updates one; its territory follows its commune. */
export async function saveSite(
	db: Db,
	actor: Actor | null,
	id: number | null,
	input: SiteInput
): Promise<number> {
	assertCan(actor, 'reference.manage');
	return db.transaction().execute(async (tx) => {
		const commune = await tx
			.selectFrom('commune')
			.select(['territory_id'])
			.where('insee_code', '=', input.communeInseeCode)
			.executeTakeFirst();
		if (!commune)
			throw new InvalidInputError('Choisissez une commune dans la liste.', 'communeInseeCode');
		const sameName = await tx
			.selectFrom('site')
			.select('id')
			.where('name', '=', input.name)
			.executeTakeFirst();
		if (sameName && sameName.id !== id) {
			throw new ConflictError('Un lieu porte déjà ce nom.', 'name');
		}
		const values = {
			name: input.name,
			kind: input.kind,
			commune_insee_code: input.communeInseeCode,
			address: input.address,
			directions: input.directions,
			note: input.note,
			territory_id: commune.territory_id,
			active: toDbBool(input.active)
		};
		if (id === null) {
			const { id: newId } = await tx
				.insertInto('site')
				.values(values)
				.returning('id')
				.executeTakeFirstOrThrow();
			await recordAudit(tx, {
				actor,
				action: 'site.created',
				entityType: 'site',
				entityId: newId,
				after: values
			});
			return newId;
		}
		const before = await tx.selectFrom('site').selectAll().where('id', '=', id).executeTakeFirst();
		if (!before) throw new NotFoundError('Ce lieu n’existe pas.');
		await tx.updateTable('site').set(values).where('id', '=', id).execute();
		await recordAudit(tx, {
			actor,
			action: 'site.updated',
			entityType: 'site',
			entityId: id,
			before,
			after: values
		});
		return id;
	});
}

/** Changes the département and loads its communes (existing ones stay). */
export async function changeDepartment(
	db: Db,
	actor: Actor | null,
	department: Department
): Promise<number> {
	assertCan(actor, 'settings.manage');
	return db.transaction().execute(async (tx) => {
		const before = await getDepartment(tx);
		const count = await loadCommunes(tx, department.code);
		if (count === 0) {
			throw new InvalidInputError('Aucune commune trouvée pour ce code de département.', 'code');
		}
		await saveDepartment(tx, department);
		await recordAudit(tx, {
			actor,
			action: 'department.changed',
			entityType: 'setting',
			entityId: 'department',
			before,
			after: department
		});
		return count;
	});
}
