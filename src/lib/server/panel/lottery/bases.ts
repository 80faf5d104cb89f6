// The address base campaigns draw from: one at a time, replaced by each
// import. Its rows are the BAN's public data; its SHA-256 (of the CSV text,
// once decompressed) is published with each campaign so that anyone holding
// the same export can redo the draw.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Db, Executor } from '../../db/database';
import { fromDbDate, fromDbJson, nowForDb } from '../../db/codecs';
import type { BaseCommune } from './generated-base';
import { assertCan, type Actor } from '../../auth/permissions';
import { recordAudit } from '../../audit/audit';
import { InvalidInputError } from '../../errors';
import {
	addressesByCommune,
	readAddressBase,
	type AddressRowError,
	type BanAddress
} from './address-base';

export interface AddressBaseSummary {
	id: number;
	fileName: string;
	sha256: string;
	rowsRead: number;
	addressCount: number;
	importedAt: Date;
	/** Addresses per commune, by INSEE code. */
	communes: number;
}

export interface AddressImport {
	base: AddressBaseSummary | null;
	/** Rows refused, at most 200, each with its line and reason. */
	errors: AddressRowError[];
	rowsRead: number;
}

const INSERT_BATCH = 1000;
const GZIP_MAGIC = [0x1f, 0x8b];

/** The file's bytes as CSV text chunks, gunzipped when it is a `.csv.gz`, hashed on the way. */
async function* csvChunks(
	source: AsyncIterable<Uint8Array>,
	hash: ReturnType<typeof createHash>
): AsyncGenerator<Buffer> {
	const iterator = source[Symbol.asyncIterator]();
	const first = await iterator.next();
	if (first.done) return;
	const head = Buffer.from(first.value);
	const rest = (async function* () {
		yield head;
		for (let next = await iterator.next(); !next.done; next = await iterator.next())
			yield Buffer.from(next.value);
	})();
	const gzipped = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
	const text: AsyncIterable<Buffer> = gzipped ? Readable.from(rest).pipe(createGunzip()) : rest;
	try {
		for await (const chunk of text) {
			hash.update(chunk);
			yield chunk;
		}
	} catch (caught) {
		if (gzipped && caught instanceof Error && 'code' in caught)
			throw new InvalidInputError(
				'Le fichier compressé (.gz) est abîmé : téléchargez-le à nouveau.',
				'file'
			);
		throw caught;
	}
}

/**
 * Reads a BAN export (`.csv` or `.csv.gz`) as a stream and, when at least one
 * row is valid, replaces the base with it. Refused rows are reported, never
 * imported.
 */
export async function importAddressBase(
	db: Db,
	actor: Actor | null,
	source: AsyncIterable<Uint8Array>,
	fileName: string
): Promise<AddressImport> {
	assertCan(actor, 'panel.manage');
	const communes = new Set(
		(await db.selectFrom('commune').select('insee_code').execute()).map((c) => c.insee_code)
	);
	const hash = createHash('sha256');
	const read = await readAddressBase(csvChunks(source, hash), communes);
	if (!read.addresses.length) {
		if (!read.rows) throw new InvalidInputError('Le fichier est vide.', 'file');
		return { base: null, errors: read.errors, rowsRead: read.rows };
	}
	const sha256 = hash.digest('hex');
	await db.transaction().execute(async (tx) => {
		await tx.deleteFrom('address').execute();
		await tx.deleteFrom('address_base').execute();
		const { id } = await tx
			.insertInto('address_base')
			.values({
				file_name: fileName.slice(0, 200),
				sha256,
				rows_read: read.rows,
				address_count: read.addresses.length,
				imported_by: actor.id,
				imported_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await insertAddresses(tx, id, read.addresses);
		await recordAudit(tx, {
			actor,
			action: 'address_base.imported',
			entityType: 'address_base',
			entityId: id,
			after: {
				file_name: fileName.slice(0, 200),
				addresses: read.addresses.length,
				refused: read.rows - read.addresses.length
			}
		});
	});
	return { base: await addressBaseSummary(db), errors: read.errors, rowsRead: read.rows };
}

async function insertAddresses(tx: Executor, baseId: number, addresses: BanAddress[]) {
	for (let i = 0; i < addresses.length; i += INSERT_BATCH)
		await tx
			.insertInto('address')
			.values(
				addresses.slice(i, i + INSERT_BATCH).map((a) => ({
					base_id: baseId,
					ban_id: a.banId,
					number: a.number,
					repetition: a.repetition,
					street: a.street,
					postal_code: a.postalCode,
					insee_code: a.inseeCode,
					commune_name: a.communeName
				}))
			)
			.execute();
}

/** The département's communes as the generated base needs them (demo, tests, bench). */
export async function departmentBaseCommunes(db: Executor): Promise<BaseCommune[]> {
	const communes = await db
		.selectFrom('commune')
		.select(['insee_code', 'name', 'population', 'postal_codes'])
		.orderBy('insee_code')
		.execute();
	return communes.map((c) => ({
		inseeCode: c.insee_code,
		name: c.name,
		postalCode: fromDbJson<string[]>(c.postal_codes, [])[0] ?? '41000',
		population: Number(c.population ?? 0)
	}));
}

/** The base in service, for officers. */
export async function currentAddressBase(
	db: Db,
	actor: Actor | null
): Promise<AddressBaseSummary | null> {
	assertCan(actor, 'panel.manage');
	return addressBaseSummary(db);
}

export async function addressBaseSummary(db: Executor): Promise<AddressBaseSummary | null> {
	const base = await db.selectFrom('address_base').selectAll().executeTakeFirst();
	if (!base) return null;
	const { communes } = await db
		.selectFrom('address')
		.select((eb) => eb.fn.count<number>('insee_code').distinct().as('communes'))
		.where('base_id', '=', base.id)
		.executeTakeFirstOrThrow();
	return {
		id: base.id,
		fileName: base.file_name,
		sha256: base.sha256,
		rowsRead: Number(base.rows_read),
		addressCount: Number(base.address_count),
		importedAt: fromDbDate(base.imported_at),
		communes: Number(communes)
	};
}

/** The base's addresses by commune, each commune in the order of its identifiers. */
export async function baseAddressesByCommune(
	db: Executor,
	baseId: number
): Promise<Map<string, BanAddress[]>> {
	const rows = await db
		.selectFrom('address')
		.select([
			'ban_id as banId',
			'number',
			'repetition',
			'street',
			'postal_code as postalCode',
			'insee_code as inseeCode',
			'commune_name as communeName'
		])
		.where('base_id', '=', baseId)
		.execute();
	// Sorted in JavaScript, not by the database: PostgreSQL's collation orders identifiers otherwise.
	return addressesByCommune(rows);
}
