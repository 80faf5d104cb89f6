import { describe, expect, it } from 'vitest';
import { openSqlite, withStatementCache } from './sqlite';

describe('the SQLite statement cache', () => {
	it('compiles a statement once, follows schema changes and drops the least recently used', () => {
		const database = openSqlite(':memory:');
		let compiled = 0;
		const prepare = database.prepare.bind(database);
		database.prepare = ((sql: string) => {
			compiled++;
			return prepare(sql);
		}) as typeof database.prepare;
		const cached = withStatementCache(database, 2);
		cached.prepare('create table t (a integer)').run([]);
		const insert = 'insert into t (a) values (?)';
		for (let i = 0; i < 5; i++) cached.prepare(insert).run([i]);
		expect(cached.prepare('select count(*) as n from t').all([])).toEqual([{ n: 5 }]);
		expect(compiled).toBe(3);
		// A column added later is seen by the statement compiled before.
		cached.prepare('alter table t add column b text').run([]);
		expect(cached.prepare('select * from t where a = ?').all([4])).toEqual([{ a: 4, b: null }]);
		// Bounded: the oldest statements were dropped and are compiled again.
		cached.prepare(insert).run([9]);
		expect(compiled).toBe(6);
		cached.close();
	});
});
