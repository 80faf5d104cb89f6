import type { Executor } from '../db/database';
import { fromDbDate, fromDbJson, nowForDb, toDbJson } from '../db/codecs';
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
	actorUserId?: number;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(
	db: Executor,
	actor: Actor | null,
	filter: AuditFilter = {}
): Promise<{ entries: AuditEntry[]; total: number; entityTypes: string[] }> {
	assertCan(actor, 'audit.read');
	let query = db.selectFrom('audit_log');
	if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
	if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
	const page = Math.max(1, filter.page ?? 1);
	const [rows, count, types] = await Promise.all([
		query
			.selectAll()
			.orderBy('id', 'desc')
			.limit(AUDIT_PAGE_SIZE)
			.offset((page - 1) * AUDIT_PAGE_SIZE)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute()
	]);
	return {
		entries: rows.map((row) => ({
			id: row.id,
			actorUserId: row.actor_user_id,
			actorLabel: row.actor_label,
			action: row.action,
			entityType: row.entity_type,
			entityId: row.entity_id,
			before: fromDbJson(row.before, null),
			after: fromDbJson(row.after, null),
			createdAt: fromDbDate(row.created_at)
		})),
		total: Number(count.n),
		entityTypes: types.map((t) => t.entity_type)
	};
}
