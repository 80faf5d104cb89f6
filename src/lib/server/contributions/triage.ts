// Officers sort the inbox: state, assignment, tags (the axes and free
// ones), bulk actions, and merging duplicates into one contribution.
import { oneOf } from '$lib/codes';
import type { Db, Executor } from '../db/database';
import { nowForDb, fromDbBool } from '../db/codecs';
import { assertCan, can, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import { foldForSearch } from '../text';
import { CONTRIBUTION_STATES } from '$lib/contribution-vocabulary';

export const MAX_TAG_LENGTH = 40;

async function existing(db: Executor, ids: number[]): Promise<number[]> {
	if (!ids.length) return [];
	const rows = await db
		.selectFrom('contribution')
		.select('id')
		.where('id', 'in', ids)
		.where('merged_into_id', 'is', null)
		.execute();
	return rows.map((r) => r.id);
}

function uniqueIds(ids: number[]): number[] {
	const unique = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
	if (!unique.length) throw new InvalidInputError('Cochez au moins une contribution.');
	if (unique.length > 500) throw new InvalidInputError('500 contributions au plus à la fois.');
	return unique;
}

/** A tag is an axis code or a free word, kept folded so « Mobilité » and « mobilite » meet. */
export function normaliseTag(tag: string): string {
	const folded = foldForSearch(tag).replace(/ /g, '-');
	if (!folded || folded.length > MAX_TAG_LENGTH)
		throw new InvalidInputError(`Une étiquette de 1 à ${MAX_TAG_LENGTH} caractères.`, 'tag');
	return folded;
}

export type BulkAction =
	| { kind: 'state'; state: string }
	| { kind: 'assign'; userId: number | null }
	| { kind: 'tag'; tag: string }
	| { kind: 'untag'; tag: string };

export async function applyToContributions(
	db: Db,
	actor: Actor | null,
	ids: number[],
	action: BulkAction
): Promise<number> {
	assertCan(actor, 'contributions.manage');
	const targets = await existing(db, uniqueIds(ids));
	if (!targets.length) throw new NotFoundError('Contribution introuvable.');
	const now = nowForDb();
	await db.transaction().execute(async (tx) => {
		switch (action.kind) {
			case 'state': {
				const state = oneOf(CONTRIBUTION_STATES, action.state);
				if (!state) throw new InvalidInputError('Choisissez un état de la liste.', 'state');
				await tx
					.updateTable('contribution')
					.set({ triage_state: state, updated_at: now })
					.where('id', 'in', targets)
					.execute();
				break;
			}
			case 'assign': {
				if (action.userId !== null) {
					const user = await tx
						.selectFrom('user')
						.select(['id', 'role', 'active'])
						.where('id', '=', action.userId)
						.executeTakeFirst();
					if (
						!user ||
						!fromDbBool(user.active) ||
						!can(
							{ id: user.id, role: user.role as Actor['role'], displayName: '' },
							'contributions.answer'
						)
					)
						throw new InvalidInputError(
							'Choisissez un chargé de participation ou un pilote.',
							'userId'
						);
				}
				await tx
					.updateTable('contribution')
					.set({ assigned_user_id: action.userId, updated_at: now })
					.where('id', 'in', targets)
					.execute();
				break;
			}
			case 'tag': {
				const tag = normaliseTag(action.tag);
				await tx
					.insertInto('contribution_tag')
					.values(targets.map((contribution_id) => ({ contribution_id, tag })))
					.onConflict((oc) => oc.doNothing())
					.execute();
				break;
			}
			case 'untag': {
				await tx
					.deleteFrom('contribution_tag')
					.where('contribution_id', 'in', targets)
					.where('tag', '=', normaliseTag(action.tag))
					.execute();
				break;
			}
		}
		await recordAudit(tx, {
			actor,
			action: `contribution.${action.kind}`,
			entityType: 'contribution',
			entityId: targets.length === 1 ? targets[0] : null,
			after: { ids: targets, ...action }
		});
	});
	return targets.length;
}

/**
 * Duplicates are folded into the one kept: they leave the inbox, their tags
 * and links join it, and their authors follow its decisions.
 */
export async function mergeContributions(
	db: Db,
	actor: Actor | null,
	keepId: number,
	duplicateIds: number[]
): Promise<void> {
	assertCan(actor, 'contributions.manage');
	const duplicates = uniqueIds(duplicateIds).filter((id) => id !== keepId);
	if (!duplicates.length)
		throw new InvalidInputError(
			'Choisissez au moins un doublon, différent de la contribution gardée.'
		);
	const found = await existing(db, [keepId, ...duplicates]);
	if (found.length !== duplicates.length + 1)
		throw new NotFoundError('Une des contributions est introuvable ou déjà fusionnée.');
	await db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const tags = await tx
			.selectFrom('contribution_tag')
			.select('tag')
			.where('contribution_id', 'in', duplicates)
			.execute();
		if (tags.length)
			await tx
				.insertInto('contribution_tag')
				.values(
					[...new Set(tags.map((t) => t.tag))].map((tag) => ({ contribution_id: keepId, tag }))
				)
				.onConflict((oc) => oc.doNothing())
				.execute();
		const links = await tx
			.selectFrom('contribution_link')
			.selectAll()
			.where('contribution_id', 'in', duplicates)
			.execute();
		for (const link of links)
			await tx
				.insertInto('contribution_link')
				.values({
					contribution_id: keepId,
					fiche_id: link.fiche_id,
					decision: link.decision,
					explanation: link.explanation,
					linked_by: link.linked_by,
					linked_at: link.linked_at,
					decided_by: link.decided_by,
					decided_at: link.decided_at
				})
				.onConflict((oc) => oc.doNothing())
				.execute();
		await tx.deleteFrom('contribution_link').where('contribution_id', 'in', duplicates).execute();
		await tx
			.updateTable('contribution')
			.set({ merged_into_id: keepId, updated_at: now })
			.where('id', 'in', duplicates)
			.execute();
		// Earlier merges into a duplicate now point at the one kept.
		await tx
			.updateTable('contribution')
			.set({ merged_into_id: keepId })
			.where('merged_into_id', 'in', duplicates)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'contribution.merge',
			entityType: 'contribution',
			entityId: keepId,
			after: { duplicates }
		});
	});
}
