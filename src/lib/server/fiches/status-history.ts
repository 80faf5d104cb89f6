import type { Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import type { Actor } from '../auth/permissions';
import type { FicheStatus } from './status';
import type { StatusChangeSource } from '$lib/fiche-status';

export interface StatusChangeInput {
	status: FicheStatus | null;
	comment: string;
	source: StatusChangeSource;
	reviewYear?: number | null;
	actor: Actor | null;
	at?: string;
}

/** Appends to the history and keeps fiche.status equal to its latest entry. */
export async function recordStatusChange(
	db: Executor,
	ficheId: number,
	change: StatusChangeInput
): Promise<void> {
	const at = change.at ?? nowForDb();
	await db
		.insertInto('fiche_status_change')
		.values({
			fiche_id: ficheId,
			status: change.status,
			review_year: change.reviewYear ?? null,
			comment: change.comment,
			source: change.source,
			changed_by_user_id: change.actor?.id ?? null,
			changed_by_label: change.actor?.displayName ?? 'Import des données',
			changed_at: at
		})
		.execute();
	await db
		.updateTable('fiche')
		.set({ status: change.status, updated_at: at })
		.where('id', '=', ficheId)
		.execute();
}
