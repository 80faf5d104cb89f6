import { describe, expect, it } from 'vitest';
import { createDatabase } from './db/database';
import { migrateToLatest, migrations } from './db/migrations';
import { createTestDatabase } from './testing';
import { readiness } from './health';
import { Migrator } from 'kysely/migration';

describe('readiness', () => {
	it('is ready on a migrated database, and says why not while stopping or behind on migrations', async () => {
		const db = await createTestDatabase();
		expect(await readiness(db, false)).toEqual({
			ready: true,
			checks: { database: 'ok', migrations: 'ok', arret: false }
		});
		expect(await readiness(db, true)).toMatchObject({ ready: false, checks: { arret: true } });

		const behind = createDatabase(':memory:');
		const names = Object.keys(migrations).sort();
		await new Migrator({
			db: behind,
			provider: { getMigrations: async () => migrations }
		}).migrateTo(names[names.length - 2]);
		expect(await readiness(behind, false)).toEqual({
			ready: false,
			checks: { database: 'ok', migrations: '1 migration(s) en attente', arret: false }
		});
		await migrateToLatest(behind);
		expect((await readiness(behind, false)).ready).toBe(true);
		await behind.destroy();
	});

	it('reads an unreachable database as not ready, without hanging', async () => {
		const gone = createDatabase('postgres://nobody@127.0.0.1:9/none', {
			poolSize: 1,
			onConnectionLost: () => {}
		});
		expect(await readiness(gone, false, 1000)).toMatchObject({
			ready: false,
			checks: { database: 'injoignable' }
		});
		await gone.destroy();
	});
});
