// The bodies a group sits in (équipe pluridisciplinaire RSA, groupes de
// travail du PDALHPD...) and which of its members attend each.
import type { Db } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import type { BodyInput } from './schemas';
import { assertGroupExists } from './queries';

export async function addBody(
	db: Db,
	actor: Actor | null,
	groupId: number,
	input: BodyInput
): Promise<number> {
	assertCan(actor, 'groups.manage');
	await assertGroupExists(db, groupId);
	return db.transaction().execute(async (tx) => {
		const { id } = await tx
			.insertInto('group_body')
			.values({ group_id: groupId, name: input.name, description: input.description })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(tx, {
			actor,
			action: 'group.body.add',
			entityType: 'group',
			entityId: groupId,
			after: input
		});
		return id;
	});
}

export async function removeBody(
	db: Db,
	actor: Actor | null,
	groupId: number,
	bodyId: number
): Promise<void> {
	assertCan(actor, 'groups.manage');
	await db.transaction().execute(async (tx) => {
		const body = await tx
			.deleteFrom('group_body')
			.where('id', '=', bodyId)
			.where('group_id', '=', groupId)
			.returning('name')
			.executeTakeFirst();
		if (!body) throw new NotFoundError('Instance introuvable.');
		await recordAudit(tx, {
			actor,
			action: 'group.body.remove',
			entityType: 'group',
			entityId: groupId,
			before: body
		});
	});
}

/** Replaces who attends a body; only current members of the group can. */
export async function setBodySeats(
	db: Db,
	actor: Actor | null,
	groupId: number,
	bodyId: number,
	personIds: number[]
): Promise<void> {
	assertCan(actor, 'groups.manage');
	const body = await db
		.selectFrom('group_body')
		.select('id')
		.where('id', '=', bodyId)
		.where('group_id', '=', groupId)
		.executeTakeFirst();
	if (!body) throw new NotFoundError('Instance introuvable.');
	const unique = [...new Set(personIds)];
	if (unique.length) {
		const members = await db
			.selectFrom('group_membership')
			.select('person_id')
			.where('group_id', '=', groupId)
			.where('left_at', 'is', null)
			.where('person_id', 'in', unique)
			.execute();
		if (members.length !== unique.length)
			throw new InvalidInputError('Seuls les membres actuels du groupe peuvent siéger.');
	}
	await db.transaction().execute(async (tx) => {
		await tx.deleteFrom('group_body_seat').where('body_id', '=', bodyId).execute();
		if (unique.length)
			await tx
				.insertInto('group_body_seat')
				.values(unique.map((person_id) => ({ body_id: bodyId, person_id })))
				.execute();
		await recordAudit(tx, {
			actor,
			action: 'group.body.seats',
			entityType: 'group',
			entityId: groupId,
			after: { bodyId, personIds: unique }
		});
	});
}
