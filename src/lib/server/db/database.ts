import { Kysely, sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from './schema';
import { sqliteDialect } from './sqlite';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export function createDatabase(path: string): Db {
	return new Kysely<Database>({ dialect: sqliteDialect(path) });
}

/**
 * Orders by a text column as French sorts it (Épiais before Épuisay,
 * Saint-Étienne before Saint-Viâtre), inside the database so that pages of
 * a long list follow the same order: `.orderBy(byFrench('commune.name'))`.
 */
export function byFrench(column: string): RawBuilder<string> {
	return sql<string>`fr_sort_key(${sql.ref(column)})`;
}
