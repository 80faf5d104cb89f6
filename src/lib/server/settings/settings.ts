import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { DEFAULT_DEPARTMENT } from '../reference/loir-et-cher';
import { DEFAULT_DISCLOSURE_THRESHOLD } from '$lib/disclosure';
import { getIdentity } from './identity';

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

export async function readSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
	const row = await db
		.selectFrom('setting')
		.select('value')
		.where('key', '=', key)
		.executeTakeFirst();
	return row ? fromDbJson(row.value, fallback) : fallback;
}

export async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
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

/** Smallest group a public figure may count (statistical disclosure control). */
export const disclosureThresholdSchema = z.object({
	threshold: z.coerce
		.number({ error: 'Indiquez un nombre entier.' })
		.int({ error: 'Indiquez un nombre entier.' })
		.min(3, { error: 'Le seuil ne peut pas être inférieur à 3 personnes.' })
		.max(50, { error: 'Le seuil ne peut pas dépasser 50 personnes.' })
});

export async function getDisclosureThreshold(db: Executor): Promise<number> {
	const value = await readSetting<number>(db, 'disclosure_threshold', DEFAULT_DISCLOSURE_THRESHOLD);
	return Number.isInteger(value) && value >= 3 ? value : DEFAULT_DISCLOSURE_THRESHOLD;
}

export function saveDisclosureThreshold(db: Executor, threshold: number): Promise<void> {
	return writeSetting(db, 'disclosure_threshold', threshold);
}

export async function changeDisclosureThreshold(
	db: Db,
	actor: Actor | null,
	threshold: number
): Promise<void> {
	assertCan(actor, 'settings.manage');
	await db.transaction().execute(async (tx) => {
		const before = await getDisclosureThreshold(tx);
		await saveDisclosureThreshold(tx, threshold);
		await recordAudit(tx, {
			actor,
			action: 'settings.disclosure_threshold',
			entityType: 'setting',
			entityId: 'disclosure_threshold',
			before: { threshold: before },
			after: { threshold }
		});
	});
}

/** How to reach the participation service when the site cannot help (limits, errors). */
export interface ServiceContact {
	phone: string;
	hours: string;
}

export async function getServiceContact(db: Executor): Promise<ServiceContact> {
	const identity = await getIdentity(db);
	return { phone: identity.servicePhone, hours: identity.serviceHours };
}
