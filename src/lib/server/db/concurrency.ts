// What keeps an invariant true when transactions run at the same time.
//
// On PostgreSQL several transactions run at once (one per pooled connection,
// and several app instances): a check followed by a write is only safe with
// a row lock, a unique constraint or a conditional update. On SQLite, Kysely
// runs one transaction at a time on its single connection (a mutex in its
// driver), so a lock is already held by the whole transaction; the same code
// runs there unchanged.
import { sql } from 'kysely';
import { engineOf, type Db, type Tx } from './database';
import type { Database } from './schema';

/**
 * Locks rows until the transaction ends (`SELECT … FOR UPDATE`): whoever
 * comes second waits, then reads what the first one wrote. Lock the same
 * parent row (the event, the draw) before counting or changing its children.
 */
export async function lockRows(tx: Tx, table: keyof Database, ids: number[]): Promise<void> {
	if (engineOf(tx) !== 'postgres' || ids.length === 0) return;
	await sql`select id from ${sql.table(table)} where id in (${sql.join(ids)}) order by id for update`.execute(
		tx
	);
}

/** Whether a write was refused by a unique constraint or index, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	// 23505 is PostgreSQL's unique_violation; better-sqlite3 names SQLite's extended code.
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Writes with a fresh random code until no unique constraint refuses it.
 * Codes are drawn at random (40 bits for the readable ones), so a collision
 * is rare but possible; the constraint, not a check beforehand, decides.
 * Each try runs in a savepoint because PostgreSQL aborts the whole
 * transaction at a failed statement.
 */
export async function withFreshCode<T>(
	tx: Tx,
	generate: () => string,
	write: (code: string) => Promise<T>,
	tries = 8
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		const code = generate();
		await sql`savepoint fresh_code`.execute(tx);
		try {
			const written = await write(code);
			await sql`release savepoint fresh_code`.execute(tx);
			return written;
		} catch (error) {
			await sql`rollback to savepoint fresh_code`.execute(tx);
			await sql`release savepoint fresh_code`.execute(tx);
			if (!isUniqueViolation(error) || attempt >= tries) throw error;
		}
	}
}

/**
 * Runs `work` while no other instance on this database runs work under the
 * same key (a PostgreSQL advisory lock, held by one pooled connection for
 * the time of `work`): two instances started at once migrate and load the
 * reference data one after the other. SQLite serves one instance.
 */
export async function withInstanceLock<T>(db: Db, key: number, work: () => Promise<T>): Promise<T> {
	if (engineOf(db) !== 'postgres') return work();
	return db.connection().execute(async (connection) => {
		await sql`select pg_advisory_lock(${key})`.execute(connection);
		try {
			return await work();
		} finally {
			await sql`select pg_advisory_unlock(${key})`.execute(connection);
		}
	});
}

/** Keys of the advisory locks (4141 is the test databases' template). */
export const INSTANCE_LOCKS = { startup: 4142 } as const;
