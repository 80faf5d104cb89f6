import {
	Kysely,
	PostgresAdapter,
	sql,
	type Expression,
	type RawBuilder,
	type SqlBool,
	type Transaction
} from 'kysely';
import type { Database } from './schema';
import { sqliteDialect } from './sqlite';
import { PostgresPortability, postgresDialect } from './postgres';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseOptions {
	/** PostgreSQL connections this process keeps open. */
	poolSize?: number;
	/** Told when PostgreSQL drops an idle connection (the pool opens another). */
	onConnectionLost?: (error: Error) => void;
}

/** A `postgres://` (or `postgresql://`) address opens PostgreSQL; anything else is a SQLite file. */
export function engineFor(location: string): Engine {
	return /^postgres(ql)?:\/\//i.test(location) ? 'postgres' : 'sqlite';
}

/** The database's location as it may be printed: a PostgreSQL address without its password. */
export function databaseLabel(location: string): string {
	if (engineFor(location) === 'sqlite') return location;
	try {
		const url = new URL(location);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return 'PostgreSQL';
	}
}

export function createDatabase(
	location: string,
	{ poolSize = 10, onConnectionLost }: DatabaseOptions = {}
): Db {
	if (engineFor(location) === 'postgres')
		return new Kysely<Database>({
			dialect: postgresDialect({ url: location, poolSize, onConnectionLost }),
			plugins: [new PostgresPortability()]
		});
	return new Kysely<Database>({ dialect: sqliteDialect(location) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(executor: Kysely<any>): Engine {
	return executor.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Orders by a text column as French sorts it (Épiais before Épuisay,
 * Saint-Étienne before Saint-Viâtre), inside the database so that pages of
 * a long list follow the same order: `.orderBy(byFrench('commune.name'))`.
 * (A SQLite function; ICU's French collation on PostgreSQL.)
 */
export function byFrench(column: string): RawBuilder<string> {
	return sql<string>`fr_sort_key(${sql.ref(column)})`;
}

/** Whether the JSON array of text in `column` holds `value`. */
export function jsonArrayIncludes(column: string, value: string): Expression<SqlBool> {
	return sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where value = ${value})`;
}
