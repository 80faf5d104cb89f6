// Documents shared with a group's members: a text in Markdown, a link, or both.
import type { Db } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { NotFoundError } from '../errors';
import type { DocumentInput } from './schemas';
import { assertGroupExists } from './queries';

export async function addDocument(
	db: Db,
	actor: Actor | null,
	groupId: number,
	input: DocumentInput
): Promise<number> {
	assertCan(actor, 'groups.manage');
	await assertGroupExists(db, groupId);
	return db.transaction().execute(async (tx) => {
		const { id } = await tx
			.insertInto('group_document')
			.values({
				group_id: groupId,
				title: input.title,
				body: input.body,
				url: input.url || null,
				created_by: actor.id,
				created_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(tx, {
			actor,
			action: 'group.document.add',
			entityType: 'group',
			entityId: groupId,
			after: { id, title: input.title, url: input.url }
		});
		return id;
	});
}

export async function removeDocument(
	db: Db,
	actor: Actor | null,
	groupId: number,
	documentId: number
): Promise<void> {
	assertCan(actor, 'groups.manage');
	await db.transaction().execute(async (tx) => {
		const removed = await tx
			.deleteFrom('group_document')
			.where('id', '=', documentId)
			.where('group_id', '=', groupId)
			.returning(['title', 'url'])
			.executeTakeFirst();
		if (!removed) throw new NotFoundError('Document introuvable.');
		await recordAudit(tx, {
			actor,
			action: 'group.document.remove',
			entityType: 'group',
			entityId: groupId,
			before: removed
		});
	});
}
