import { createDatabase, type Db } from './database';
import { migrateToLatest } from './migrations';

/** A fresh, fully migrated in-memory database for one test. */
export async function createTestDatabase(): Promise<Db> {
	const db = createDatabase(':memory:');
	await migrateToLatest(db);
	return db;
}
