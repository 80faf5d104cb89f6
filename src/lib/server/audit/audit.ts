import type { Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { AuditLogTable } from '../db/schema';
import { fromDbDate, fromDbJson, nowForDb, toDbDate, toDbJson } from '../db/codecs';
import { sortFrench } from '$lib/french';
import {
	actionPhrase,
	auditChanges,
	auditSentence,
	entityLabel,
	type AuditChange
} from './describe';
import { assertCan, type Actor } from '../auth/permissions';

export interface AuditEntryInput {
	actor: Actor | null;
	action: string;
	entityType: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
}

export interface AuditEntry {
	id: number;
	actorUserId: number | null;
	actorLabel: string;
	action: string;
	entityType: string;
	entityId: string | null;
	before: unknown;
	after: unknown;
	createdAt: Date;
}

export async function recordAudit(db: Executor, entry: AuditEntryInput): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			actor_user_id: entry.actor?.id ?? null,
			actor_label: entry.actor?.displayName ?? 'Système',
			action: entry.action,
			entity_type: entry.entityType,
			entity_id: entry.entityId == null ? null : String(entry.entityId),
			before: entry.before === undefined ? null : toDbJson(entry.before),
			after: entry.after === undefined ? null : toDbJson(entry.after),
			created_at: nowForDb()
		})
		.execute();
}

export interface AuditFilter {
	entityType?: string;
	entityId?: string;
	/** A user's id, or « système » for what no person did (imports, jobs). */
	actor?: number | 'systeme';
	action?: string;
	/** Instants, inclusive from, exclusive to. */
	from?: Date;
	to?: Date;
	page?: number;
}

export interface DescribedAuditEntry extends AuditEntry {
	sentence: string;
	changes: AuditChange[];
}

export interface AuditFilterOptions {
	people: { value: string; label: string }[];
	actions: { value: string; label: string }[];
	entityTypes: { value: string; label: string }[];
}

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX = 50_000;

function filtered(db: Executor, filter: AuditFilter) {
	let query = db.selectFrom('audit_log');
	if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
	if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
	if (filter.actor === 'systeme') query = query.where('actor_user_id', 'is', null);
	else if (filter.actor) query = query.where('actor_user_id', '=', filter.actor);
	if (filter.action) query = query.where('action', '=', filter.action);
	if (filter.from) query = query.where('created_at', '>=', toDbDate(filter.from));
	if (filter.to) query = query.where('created_at', '<', toDbDate(filter.to));
	return query;
}

function describe(row: Selectable<AuditLogTable>): DescribedAuditEntry {
	const entry: AuditEntry = {
		id: row.id,
		actorUserId: row.actor_user_id,
		actorLabel: row.actor_label,
		action: row.action,
		entityType: row.entity_type,
		entityId: row.entity_id,
		before: fromDbJson(row.before, null),
		after: fromDbJson(row.after, null),
		createdAt: fromDbDate(row.created_at)
	};
	return {
		...entry,
		sentence: auditSentence(entry),
		changes: auditChanges(entry.before, entry.after, entry.entityType)
	};
}

export async function listAudit(
	db: Executor,
	actor: Actor | null,
	filter: AuditFilter = {}
): Promise<{ entries: DescribedAuditEntry[]; total: number }> {
	assertCan(actor, 'audit.read');
	const page = Math.max(1, filter.page ?? 1);
	const [rows, count] = await Promise.all([
		filtered(db, filter)
			.selectAll()
			.orderBy('id', 'desc')
			.limit(AUDIT_PAGE_SIZE)
			.offset((page - 1) * AUDIT_PAGE_SIZE)
			.execute(),
		filtered(db, filter)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return { entries: rows.map(describe), total: Number(count.n) };
}

/** Every entry the filters keep, newest first, for the CSV export. */
export async function exportAudit(
	db: Executor,
	actor: Actor | null,
	filter: AuditFilter = {}
): Promise<DescribedAuditEntry[]> {
	assertCan(actor, 'audit.read');
	const rows = await filtered(db, filter)
		.selectAll()
		.orderBy('id', 'desc')
		.limit(AUDIT_EXPORT_MAX)
		.execute();
	return rows.map(describe);
}

/** What the filters offer: the people, actions and kinds the log holds. */
export async function auditFilterOptions(
	db: Executor,
	actor: Actor | null
): Promise<AuditFilterOptions> {
	assertCan(actor, 'audit.read');
	const [people, actions, types] = await Promise.all([
		db
			.selectFrom('audit_log')
			.select(['actor_user_id', (eb) => eb.fn.max('actor_label').as('label')])
			.groupBy('actor_user_id')
			.execute(),
		db.selectFrom('audit_log').select('action').distinct().execute(),
		db.selectFrom('audit_log').select('entity_type').distinct().execute()
	]);
	return {
		people: sortFrench(
			people.map((p) =>
				p.actor_user_id === null
					? { value: 'systeme', label: 'Système (imports, tâches automatiques)' }
					: { value: String(p.actor_user_id), label: String(p.label) }
			),
			(p) => p.label
		),
		actions: sortFrench(
			actions.map((a) => ({ value: a.action, label: `… ${actionPhrase(a.action)}` })),
			(a) => a.label
		),
		entityTypes: sortFrench(
			types.map((t) => ({ value: t.entity_type, label: entityLabel(t.entity_type) })),
			(t) => t.label
		)
	};
}
