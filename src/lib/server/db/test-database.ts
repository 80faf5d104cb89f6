// Each test gets a database of its own, fully migrated: in memory on SQLite;
// on PostgreSQL when TEST_DATABASE_URL names a server, a database copied from
// a template migrated once (per set of migrations), dropped after its file.
import { createHash } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createDatabase, type Db } from './database';
import { migrateToLatest, migrations } from './migrations';
import { databaseUrlOn, onPostgresServer } from './postgres';

const serverUrl = process.env.TEST_DATABASE_URL || null;
const opened: { db: Db; name: string | null; file?: string }[] = [];
let counter = 0;
let template: Promise<string> | null = null;

const urlOf = (database: string) => databaseUrlOn(serverUrl!, database);
const onServer = <T>(work: (client: pg.Client) => Promise<T>) => onPostgresServer(serverUrl!, work);

/** The migrated template for this set of migrations, built by whichever worker comes first. */
function migratedTemplate(): Promise<string> {
	const hash = createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex');
	const name = `concerto_template_${hash.slice(0, 12)}`;
	template ??= buildTemplateOnce(name, null, async (db) => {
		await migrateToLatest(db);
	});
	return template;
}

/**
 * The template `name`, built by `fill` on a copy of `from` (an empty
 * database when null) unless a worker already built it: under an advisory
 * lock, so that workers starting together build it once, under another name
 * until it is whole.
 */
function buildTemplateOnce(
	name: string,
	from: string | null,
	fill: (db: Db) => Promise<void>,
	beforeBuilding: (client: pg.Client) => Promise<void> = async () => {}
): Promise<string> {
	return onServer(async (client) => {
		await client.query('select pg_advisory_lock(4141)');
		try {
			const found = await client.query('select 1 from pg_database where datname = $1', [name]);
			if (found.rowCount) return name;
			await beforeBuilding(client);
			const building = `${name}_building`;
			await client.query(`drop database if exists "${building}" with (force)`);
			await client.query(`create database "${building}"${from ? ` template "${from}"` : ''}`);
			const db = createDatabase(urlOf(building), { poolSize: 2 });
			await fill(db);
			await db.destroy();
			await client.query(`alter database "${building}" rename to "${name}"`);
			return name;
		} finally {
			await client.query('select pg_advisory_unlock(4141)');
		}
	});
}

/**
 * A fresh, fully migrated database for one test. On PostgreSQL, `poolSize`
 * transactions can run at once (the concurrency tests ask for more).
 */
export async function createTestDatabase({ poolSize = 5 } = {}): Promise<Db> {
	if (!serverUrl) {
		const db = createDatabase(':memory:');
		await migrateToLatest(db);
		opened.push({ db, name: null });
		return db;
	}
	const source = await migratedTemplate();
	const name = `concerto_test_${process.pid}_${++counter}`;
	await onServer((client) =>
		client.query(`create database "${name}" template "${source}" strategy file_copy`)
	);
	const db = createDatabase(urlOf(name), { poolSize });
	opened.push({ db, name });
	return db;
}

/**
 * Two handles on one database, as two app instances have: on PostgreSQL two
 * pools on one database; on SQLite two connections to one file.
 */
export async function createSharedTestDatabase(): Promise<[Db, Db]> {
	if (!serverUrl) {
		const file = join(tmpdir(), `concerto-test-${process.pid}-${++counter}.sqlite`);
		const first = createDatabase(file);
		await migrateToLatest(first);
		const second = createDatabase(file);
		opened.push({ db: first, name: null, file }, { db: second, name: null });
		return [first, second];
	}
	const first = await createTestDatabase();
	const { name } = opened[opened.length - 1];
	const second = createDatabase(urlOf(name!), { poolSize: 5 });
	opened.push({ db: second, name: null });
	return [first, second];
}

const seeded = new Map<string, Promise<string>>();

/**
 * A database copied from one that `fill` fills once, for tests that start
 * from the same data (the demonstration, seeded in seconds): on PostgreSQL
 * a template built once per run of the tests (CONCERTO_TEST_RUN, set by
 * vite.config.ts) by whichever worker comes first; on SQLite a file built
 * once per test file. `key` names what `fill` writes.
 */
export async function createTestDatabaseFrom(
	key: string,
	fill: (db: Db) => Promise<void>
): Promise<Db> {
	if (!serverUrl) {
		let source = seeded.get(key);
		if (!source) {
			source = (async () => {
				const file = join(tmpdir(), `concerto-test-${key}-${process.pid}.sqlite`);
				const db = createDatabase(file);
				await migrateToLatest(db);
				await fill(db);
				await db.destroy(); // folds the write-ahead log into the file
				process.once('exit', () => rmSync(file, { force: true }));
				return file;
			})();
			seeded.set(key, source);
		}
		const file = join(tmpdir(), `concerto-test-${process.pid}-${++counter}.sqlite`);
		copyFileSync(await source, file);
		const db = createDatabase(file);
		opened.push({ db, name: null, file });
		return db;
	}
	let filled = seeded.get(key);
	if (!filled) {
		filled = seededTemplate(key, fill);
		seeded.set(key, filled);
	}
	const source = await filled;
	const name = `concerto_test_${process.pid}_${++counter}`;
	await onServer((client) =>
		client.query(`create database "${name}" template "${source}" strategy file_copy`)
	);
	const db = createDatabase(urlOf(name));
	opened.push({ db, name });
	return db;
}

async function seededTemplate(key: string, fill: (db: Db) => Promise<void>): Promise<string> {
	const migrated = await migratedTemplate();
	const prefix = `concerto_${key}_`;
	const name = `${prefix}${process.env.CONCERTO_TEST_RUN ?? process.ppid}`;
	// Those of earlier runs were filled by earlier code.
	const dropStale = async (client: pg.Client) => {
		const stale = await client.query(
			'select datname from pg_database where starts_with(datname, $1) and datname <> $2',
			[prefix, name]
		);
		for (const { datname } of stale.rows)
			await client.query(`drop database if exists "${datname}" with (force)`);
	};
	return buildTemplateOnce(name, migrated, fill, dropStale);
}

/** Closes and drops the databases of a test file (run after each file, see vitest.setup.ts). */
export async function releaseTestDatabases(): Promise<void> {
	const done = opened.splice(0);
	await Promise.all(done.map(({ db }) => db.destroy().catch(() => {})));
	for (const { file } of done)
		if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	const names = done.map(({ name }) => name).filter((name) => name !== null);
	if (names.length)
		await onServer(async (client) => {
			for (const name of names)
				await client.query(`drop database if exists "${name}" with (force)`);
		});
}
