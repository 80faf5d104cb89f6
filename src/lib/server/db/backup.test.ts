import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from './database';
import { migrateToLatest, pendingMigrations } from './migrations';
import { nowForDb } from './codecs';
import { backupSqlite } from './backup';
import { InvalidInputError } from '../errors';

const contribution = (i: number) => ({
	source: 'fiche' as const,
	text: `Idée numéro ${i}`,
	search_text: `idee numero ${i}`,
	created_at: nowForDb(),
	updated_at: nowForDb()
});

describe('db:backup', () => {
	it('copies a database in use, and the copy restores to a working database', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'concerto-backup-'));
		try {
			const live = join(dir, 'concerto.sqlite');
			const db = createDatabase(live);
			await migrateToLatest(db);
			for (let i = 0; i < 20; i++)
				await db
					.insertInto('contribution')
					.values(Array.from({ length: 100 }, (_, j) => contribution(i * 100 + j)))
					.execute();
			// The app goes on writing while the copy is taken.
			let writing = true;
			const writes = (async () => {
				for (let i = 0; writing && i < 200; i++) {
					await db
						.insertInto('contribution')
						.values(contribution(10_000 + i))
						.execute();
					await new Promise((resolve) => setImmediate(resolve));
				}
			})();
			const target = join(dir, 'sauvegarde.sqlite');
			const report = await backupSqlite(live, target);
			writing = false;
			await writes;
			expect(report.pages).toBeGreaterThan(0);
			expect(report.migrations).toBeGreaterThan(20);
			await expect(backupSqlite(live, target)).rejects.toThrow(/existe déjà/);
			await db.destroy();

			// Restoring: the backup file becomes the database the app opens.
			const restoredPath = join(dir, 'restauree.sqlite');
			copyFileSync(target, restoredPath);
			const restored = createDatabase(restoredPath);
			expect(await pendingMigrations(restored)).toEqual([]);
			const rows = await restored.selectFrom('contribution').select('text').execute();
			expect(rows.length).toBeGreaterThanOrEqual(2000);
			expect(rows.some((r) => r.text === 'Idée numéro 1999')).toBe(true);
			await restored.insertInto('contribution').values(contribution(-1)).execute();
			await restored.destroy();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('says what to do instead on PostgreSQL, without a file name or a database', async () => {
		await expect(backupSqlite('postgres://concerto@db/concerto', 'x.sqlite')).rejects.toThrow(
			/pg_dump/
		);
		await expect(backupSqlite('data/absente.sqlite', '')).rejects.toBeInstanceOf(InvalidInputError);
		expect(existsSync('x.sqlite')).toBe(false);
	});
});
