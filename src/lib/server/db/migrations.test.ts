import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDatabase } from './database';
import { migrateDownAll, migrateToLatest, migrations } from './migrations';

async function tableNames(db: ReturnType<typeof createDatabase>): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name
	`.execute(db);
	return rows.map((row) => row.name);
}

describe('migrations', () => {
	it('go up, down and up again on a fresh database', async () => {
		const db = createDatabase(':memory:');
		const names = Object.keys(migrations);
		expect(names.length).toBeGreaterThan(0);
		expect(names).toEqual([...names].sort());

		expect(await migrateToLatest(db)).toEqual(names);
		const tables = await tableNames(db);
		expect(tables).toEqual(expect.arrayContaining(['user', 'session', 'commune', 'audit_log']));

		expect(await migrateDownAll(db)).toEqual([...names].reverse());
		expect(await tableNames(db)).toEqual([]);

		expect(await migrateToLatest(db)).toEqual(names);
		expect(await tableNames(db)).toEqual(tables);
		await db.destroy();
	});

	it('enforce foreign keys', async () => {
		const db = createDatabase(':memory:');
		await migrateToLatest(db);
		await expect(
			db
				.insertInto('session')
				.values({ id: 'x', user_id: 999, expires_at: '2030-01-01', created_at: '2026-01-01' })
				.execute()
		).rejects.toThrow(/FOREIGN KEY/);
		await db.destroy();
	});
});
