// Erasing one account or one panel record, the same way whoever asks (the
// person, an administrator answering a request, or the retention job).
import type { Executor } from '../db/database';

/** What is emptied of a registration, a retour request or a contribution, by the job or on request. */
export const REGISTRATION_CONTACT_ERASED = {
	name: '',
	email: null,
	phone: null,
	postal_address: null,
	cancel_token_hash: null,
	receipt_code: null,
	user_id: null,
	// The officer who arranged the needs goes with them.
	needs_arranged_by: null
} as const;
export const RETOUR_REQUEST_ERASED = { name: '', email: null, postal_address: null } as const;
export const CONTRIBUTION_CONTACT_ERASED = {
	author_name: null,
	contact_email: null,
	author_user_id: null,
	contact_consent: 0
} as const;

/**
 * Deletes an account. Audit entries keep what was done but lose the link to
 * the person; columns without a foreign key (contributions) are emptied here.
 */
export async function removeAccount(tx: Executor, userId: number, label: string): Promise<void> {
	await tx
		.updateTable('audit_log')
		.set({ actor_label: label })
		.where('actor_user_id', '=', userId)
		.execute();
	await tx
		.updateTable('contribution')
		.set({ author_user_id: null })
		.where('author_user_id', '=', userId)
		.execute();
	await tx
		.updateTable('contribution')
		.set({ assigned_user_id: null })
		.where('assigned_user_id', '=', userId)
		.execute();
	await tx.deleteFrom('user').where('id', '=', userId).execute();
}

/**
 * Deletes a panel record with its consents, tokens, group memberships and
 * seats. Draw candidates keep their pseudonym and profile, unlinked, so that
 * published draws stay checkable.
 */
export async function deletePersonRecord(tx: Executor, personId: number): Promise<void> {
	await tx
		.updateTable('draw_candidate')
		.set({ person_id: null })
		.where('person_id', '=', personId)
		.execute();
	await tx.deleteFrom('group_body_seat').where('person_id', '=', personId).execute();
	await tx.deleteFrom('group_membership').where('person_id', '=', personId).execute();
	await tx.deleteFrom('consent').where('person_id', '=', personId).execute();
	await tx.deleteFrom('person_token').where('person_id', '=', personId).execute();
	await tx.deleteFrom('person').where('id', '=', personId).execute();
}
