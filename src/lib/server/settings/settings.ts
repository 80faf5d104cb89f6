import { z } from 'zod';
import type { Executor } from '../db/database';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { DEFAULT_DEPARTMENT } from '../reference/loir-et-cher';

export interface Department {
	code: string;
	name: string;
}

export const departmentSchema = z.object({
	code: z
		.string({ error: 'Indiquez le code du département.' })
		.trim()
		.toUpperCase()
		.regex(/^(\d{2}|2A|2B|97\d)$/, {
			error: 'Indiquez un code de département valide, par exemple 41, 2A ou 974.'
		}),
	name: z
		.string({ error: 'Indiquez le nom du département.' })
		.trim()
		.min(1, { error: 'Indiquez le nom du département.' })
		.max(80, { error: 'Le nom ne doit pas dépasser 80 caractères.' })
});

async function readSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
	const row = await db
		.selectFrom('setting')
		.select('value')
		.where('key', '=', key)
		.executeTakeFirst();
	return row ? fromDbJson(row.value, fallback) : fallback;
}

async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
	const row = { key, value: toDbJson(value), updated_at: nowForDb() };
	await db
		.insertInto('setting')
		.values(row)
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at })
		)
		.execute();
}

export function getDepartment(db: Executor): Promise<Department> {
	return readSetting(db, 'department', DEFAULT_DEPARTMENT);
}

export function saveDepartment(db: Executor, department: Department): Promise<void> {
	return writeSetting(db, 'department', department);
}
