// Officers create, edit and archive groups; the list says who is in each
// and when it meets next.
import { sql } from 'kysely';
import type { Db, Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import type { GroupDetail, GroupSummary } from './model';
import { readGroup } from './queries';
import type { GroupInput } from './schemas';
import { byFrench } from '../db/database';

export async function listGroups(
	db: Db,
	actor: Actor | null,
	options: { archived?: boolean } = {}
): Promise<GroupSummary[]> {
	assertCan(actor, 'groups.manage');
	const now = nowForDb();
	let query = db
		.selectFrom('participation_group as g')
		.leftJoin('territory', 'territory.id', 'g.territory_id')
		.select([
			'g.id',
			'g.slug',
			'g.name',
			'g.kind',
			'g.archived_at',
			'territory.name as territory_name',
			sql<number>`(select count(*) from group_membership m where m.group_id = g.id and m.left_at is null)`.as(
				'members'
			),
			sql<
				string | null
			>`(select min(e.starts_at) from event e where e.group_id = g.id and e.status = 'publie' and e.starts_at > ${now})`.as(
				'next_meeting'
			)
		])
		.orderBy('g.kind')
		.orderBy(byFrench('g.name'));
	if (!options.archived) query = query.where('g.archived_at', 'is', null);
	const rows = await query.execute();
	return rows.map((g) => ({
		id: g.id,
		slug: g.slug,
		name: g.name,
		kind: g.kind,
		territoryName: g.territory_name,
		members: Number(g.members),
		nextMeeting: g.next_meeting,
		archived: g.archived_at !== null
	}));
}

export async function getGroup(db: Db, actor: Actor | null, id: number): Promise<GroupDetail> {
	assertCan(actor, 'groups.manage');
	return readGroup(db, id);
}

async function groupColumns(db: Executor, input: GroupInput, exceptId?: number) {
	let taken = db.selectFrom('participation_group').select('id').where('slug', '=', input.slug);
	if (exceptId !== undefined) taken = taken.where('id', '!=', exceptId);
	if (await taken.executeTakeFirst())
		throw new ConflictError('Cette adresse est déjà prise par un autre groupe.', 'slug');
	const territoryId = input.territoryId;
	if (
		territoryId &&
		!(await db
			.selectFrom('territory')
			.select('id')
			.where('id', '=', territoryId)
			.executeTakeFirst())
	)
		throw new InvalidInputError('Territoire inconnu.', 'territoryId');
	return {
		slug: input.slug,
		name: input.name,
		kind: input.kind,
		territory_id: territoryId,
		description: input.description
	};
}

export async function createGroup(db: Db, actor: Actor | null, input: GroupInput): Promise<number> {
	assertCan(actor, 'groups.manage');
	const columns = await groupColumns(db, input);
	return db.transaction().execute(async (tx) => {
		const { id } = await tx
			.insertInto('participation_group')
			.values({ ...columns, created_at: nowForDb() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(tx, {
			actor,
			action: 'group.create',
			entityType: 'group',
			entityId: id,
			after: input
		});
		return id;
	});
}

export async function updateGroup(
	db: Db,
	actor: Actor | null,
	id: number,
	input: GroupInput
): Promise<void> {
	assertCan(actor, 'groups.manage');
	const before = await readGroup(db, id);
	const columns = await groupColumns(db, input, id);
	await db.transaction().execute(async (tx) => {
		await tx.updateTable('participation_group').set(columns).where('id', '=', id).execute();
		await recordAudit(tx, {
			actor,
			action: 'group.update',
			entityType: 'group',
			entityId: id,
			before: {
				name: before.name,
				slug: before.slug,
				kind: before.kind,
				territoryId: before.territoryId,
				description: before.description
			},
			after: input
		});
	});
}

/** Archived groups leave the lists and the members' space; nothing is deleted. */
export async function setGroupArchived(
	db: Db,
	actor: Actor | null,
	id: number,
	archived: boolean
): Promise<void> {
	assertCan(actor, 'groups.manage');
	await db.transaction().execute(async (tx) => {
		const result = await tx
			.updateTable('participation_group')
			.set({ archived_at: archived ? nowForDb() : null })
			.where('id', '=', id)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('Groupe introuvable.');
		await recordAudit(tx, {
			actor,
			action: archived ? 'group.archive' : 'group.unarchive',
			entityType: 'group',
			entityId: id
		});
	});
}
