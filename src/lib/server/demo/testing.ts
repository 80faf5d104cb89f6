// For tests that start from the demonstration: each gets its own copy of a
// database seeded once (see createTestDatabaseFrom).
import type { Db } from '../db/database';
import { createTestDatabaseFrom } from '../db/test-database';
import { loadReferenceData } from '../reference/seed';
import { seedDemoData } from './seed';

export function createDemoTestDatabase(): Promise<Db> {
	return createTestDatabaseFrom('demo', async (db) => {
		await loadReferenceData(db);
		await seedDemoData(db);
	});
}
