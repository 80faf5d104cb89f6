import { Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import { sqliteDialect } from './sqlite';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export function createDatabase(path: string): Db {
	return new Kysely<Database>({ dialect: sqliteDialect(path) });
}
