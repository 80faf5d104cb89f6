// The only module that knows the database is SQLite: driver, pragmas and
// SQLite-specific SQL live here so the rest of the code stays portable.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteDialect, type SqliteDatabase } from 'kysely';
import { frenchSortKey } from '../../french';

export function openSqlite(path: string): Database.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const database = new Database(path);
	database.pragma('journal_mode = WAL');
	database.pragma('foreign_keys = ON');
	database.pragma('busy_timeout = 5000');
	database.pragma('synchronous = NORMAL');
	// SQLite sorts text byte by byte; lists sort by this key instead (see byFrench).
	// The same few thousand names are sorted on every page: their keys are kept.
	const keys = new Map<string, string>();
	database.function('fr_sort_key', { deterministic: true }, (text) => {
		if (text === null) return frenchSortKey(null);
		const value = String(text);
		let key = keys.get(value);
		if (key === undefined) {
			if (keys.size >= 20_000) keys.clear();
			key = frenchSortKey(value);
			keys.set(value, key);
		}
		return key;
	});
	return database;
}

export function sqliteDialect(path: string): SqliteDialect {
	return new SqliteDialect({ database: withStatementCache(openSqlite(path)) });
}

/**
 * Kysely's SQLite driver calls prepare() for every query, and better-sqlite3
 * compiles the SQL again each time: a tenth of a submission's CPU in the
 * bench's profile. The app runs the same few hundred statements over and
 * over, so compiled ones are kept, the least recently used dropped past
 * `size`. (Safe to share: the driver runs one query at a time.)
 */
export function withStatementCache(database: Database.Database, size = 500): SqliteDatabase {
	const cache = new Map<string, Database.Statement>();
	return {
		close: () => database.close(),
		prepare(sql) {
			let statement = cache.get(sql);
			if (statement) cache.delete(sql);
			else statement = database.prepare(sql);
			cache.set(sql, statement);
			if (cache.size > size) cache.delete(cache.keys().next().value!);
			return statement;
		}
	};
}
