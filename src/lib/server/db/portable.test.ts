// What the rest of the code relies on, whichever engine runs (the suite runs
// on SQLite and, with TEST_DATABASE_URL, on PostgreSQL).
import { describe, expect, it } from 'vitest';
import { byFrench, databaseLabel, engineFor, jsonArrayIncludes } from './database';
import { createTestDatabase } from './test-database';
import { toDbBool, toDbDate, toDbJson } from './codecs';

describe('the database, on either engine', () => {
	it('sorts text as French does, numbers by value', async () => {
		const db = await createTestDatabase();
		const names = ['Saint-Viâtre', 'Épuisay', 'Atelier 10', 'Saint-Étienne', 'Épiais', 'Atelier 2'];
		for (const [i, name] of names.entries())
			await db
				.insertInto('territory')
				.values({ code: `t${i}`, name, challenges: '[]', position: i })
				.execute();
		const sorted = await db
			.selectFrom('territory')
			.select('name')
			.orderBy(byFrench('name'))
			.execute();
		expect(sorted.map((row) => row.name)).toEqual([
			'Atelier 2',
			'Atelier 10',
			'Épiais',
			'Épuisay',
			'Saint-Étienne',
			'Saint-Viâtre'
		]);
	});

	it('reads flags as 0/1, instants as ISO text, days as YYYY-MM-DD and JSON as its text', async () => {
		const db = await createTestDatabase();
		const at = new Date('2026-12-02T18:40:22.123Z');
		const { id } = await db
			.insertInto('person')
			.values({
				pseudonym: 'P-1',
				first_name: 'Awa',
				last_name: 'Ndiaye',
				situations: toDbJson(['aidant', 'parent']),
				in_panel: toDbBool(false),
				status: 'candidat',
				source: 'en_ligne',
				mandate_end: '2027-06-30',
				created_at: toDbDate(at),
				updated_at: toDbDate(at)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const row = await db
			.selectFrom('person')
			.select(['in_panel', 'created_at', 'mandate_end', 'situations'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.in_panel).toBe(0);
		expect(row.created_at).toBe('2026-12-02T18:40:22.123Z');
		expect(row.mandate_end).toBe('2027-06-30');
		expect(JSON.parse(row.situations)).toEqual(['aidant', 'parent']);

		const count = await db
			.selectFrom('person')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(jsonArrayIncludes('person.situations', 'aidant'))
			.where('created_at', '>', '2026-12-01')
			.executeTakeFirstOrThrow();
		expect(count.n).toBe(1);
		const none = await db
			.selectFrom('person')
			.select('id')
			.where(jsonArrayIncludes('person.situations', 'aid'))
			.execute();
		expect(none).toEqual([]);
	});

	it('is chosen by its address, whose password is never printed', () => {
		expect(engineFor('data/concerto.sqlite')).toBe('sqlite');
		expect(engineFor('postgresql://concerto@db/concerto')).toBe('postgres');
		expect(databaseLabel('postgres://concerto:s3cret@db.example.fr:5432/concerto')).toBe(
			'postgres://concerto:***@db.example.fr:5432/concerto'
		);
	});
});
