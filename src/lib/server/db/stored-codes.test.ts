// Stored codes are French (the glossary in the README): the migration that
// renamed the English ones must carry every row of a database filled by an
// earlier version, and leave no code outside its vocabulary.
import { describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import { sql } from 'kysely';
import { createTestDatabase } from './test-database';
import { migrations } from './migrations';
import { seedDemoData } from '../demo/seed';
import { loadReferenceData } from '../reference/seed';
import {
	ACCESS_MODES,
	IDENTITY_MODES,
	QUESTION_KINDS,
	RESPONSE_STATUSES
} from '$lib/consultation-vocabulary';

const RENAMING = '20261204T0900_stored_codes_in_french';

const VOCABULARIES: [table: string, column: string, codes: readonly string[]][] = [
	['question', 'kind', QUESTION_KINDS],
	['consultation', 'access', ACCESS_MODES],
	['consultation', 'identity', IDENTITY_MODES],
	['response', 'status', RESPONSE_STATUSES],
	['mail_message', 'status', ['en_attente', 'envoye', 'retenu', 'echec']],
	['review_campaign', 'status', ['ouverte', 'publiee']],
	['fiche_status_change', 'source', ['import', 'modification', 'bilan']],
	['axis', 'kind', ['sectoriel', 'strategique']],
	['retour_delivery', 'channel', ['courriel', 'courrier']]
];

async function storedCodes(db: Awaited<ReturnType<typeof createTestDatabase>>) {
	const found: Record<string, string[]> = {};
	for (const [table, column] of VOCABULARIES) {
		const { rows } = await sql<{ code: string }>`
			select distinct ${sql.ref(column)} as code from ${sql.table(table)} order by 1
		`.execute(db);
		found[`${table}.${column}`] = rows.map((r) => r.code);
	}
	return found;
}

describe('stored codes', () => {
	it('are renamed both ways by their migration, and all belong to their vocabulary', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		await seedDemoData(db);
		const french = await storedCodes(db);
		for (const [table, column, codes] of VOCABULARIES)
			expect(codes, `${table}.${column}`).toEqual(
				expect.arrayContaining(french[`${table}.${column}`])
			);
		expect(french['question.kind']).toContain('choix_unique');

		const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		const names = Object.keys(migrations);
		const before = names[names.indexOf(RENAMING) - 1];
		expect((await migrator.migrateTo(before)).error).toBeUndefined();
		const english = await storedCodes(db);
		expect(english['question.kind']).toContain('single');
		expect(english['response.status']).toContain('submitted');
		expect(english['axis.kind']).toEqual(['sectoral', 'strategic']);

		expect((await migrator.migrateToLatest()).error).toBeUndefined();
		expect(await storedCodes(db)).toEqual(french);
		await db.destroy();
	});
});
