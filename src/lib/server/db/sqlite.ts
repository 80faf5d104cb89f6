// The only module that knows the database is SQLite: driver, pragmas and
// SQLite-specific SQL live here so the rest of the code stays portable.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteDialect } from 'kysely';
import { frenchSortKey } from '../../french';

export function openSqlite(path: string): Database.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const database = new Database(path);
	database.pragma('journal_mode = WAL');
	database.pragma('foreign_keys = ON');
	database.pragma('busy_timeout = 5000');
	database.pragma('synchronous = NORMAL');
	// SQLite sorts text byte by byte; lists sort by this key instead (see byFrench).
	database.function('fr_sort_key', { deterministic: true }, (text) =>
		frenchSortKey(text === null ? null : String(text))
	);
	return database;
}

export function sqliteDialect(path: string): SqliteDialect {
	return new SqliteDialect({ database: openSqlite(path) });
}
