// Erasing or correcting what findSubject found, in one transaction each.
import type { Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { InvalidInputError } from '../errors';
import { countActiveAdmins } from '../users/queries';
import {
	CONTRIBUTION_CONTACT_ERASED,
	REGISTRATION_CONTACT_ERASED,
	RETOUR_REQUEST_ERASED,
	deletePersonRecord,
	removeAccount
} from './erasure';
import type { SubjectMatch } from './subject';

export interface ErasureReceipt {
	at: Date;
	counts: Partial<Record<keyof SubjectMatch, number>>;
	/** Events whose places were freed: their waiting lists move up. */
	freedEvents: number[];
}

/**
 * Erases a person. Rows figures rely on are emptied, not deleted: an
 * attendance stays counted, a contribution's text stays, anonymous, unless
 * `withTexts` asks to delete what the person wrote too.
 */
export async function eraseMatch(
	tx: Executor,
	match: SubjectMatch,
	options: { withTexts: boolean; label: string }
): Promise<ErasureReceipt> {
	const now = nowForDb();
	const staff = await tx
		.selectFrom('user')
		.select(['id'])
		.where('id', 'in', match.users.length ? match.users : [-1])
		.where('role', '=', 'admin')
		.where('active', '=', 1)
		.execute();
	if (staff.length && (await countActiveAdmins(tx)) <= staff.length)
		throw new InvalidInputError(
			'C’est le dernier compte administrateur : nommez-en un autre avant de l’effacer.'
		);
	const inList = <T>(values: T[]) => (values.length ? values : ([-1] as unknown as T[]));

	const future = await tx
		.selectFrom('registration')
		.innerJoin('event', 'event.id', 'registration.event_id')
		.select(['registration.id', 'registration.event_id'])
		.where('registration.id', 'in', inList(match.registrations))
		.where('registration.status', 'in', ['inscrit', 'attente'])
		.where('event.ends_at', '>', now)
		.execute();
	if (future.length)
		await tx
			.updateTable('registration')
			.set({ status: 'annule', cancelled_at: now })
			.where(
				'id',
				'in',
				future.map((r) => r.id)
			)
			.execute();
	await tx
		.updateTable('registration')
		.set({ ...REGISTRATION_CONTACT_ERASED, needs: '[]', needs_detail: '', updated_at: now })
		.where('id', 'in', inList(match.registrations))
		.execute();

	await tx
		.updateTable('retour_request')
		.set({ ...RETOUR_REQUEST_ERASED, unsubscribed_at: now })
		.where('id', 'in', inList(match.retourRequests))
		.execute();

	if (options.withTexts)
		await tx.deleteFrom('contribution').where('id', 'in', inList(match.contributions)).execute();
	else
		await tx
			.updateTable('contribution')
			.set(CONTRIBUTION_CONTACT_ERASED)
			.where('id', 'in', inList(match.contributions))
			.execute();

	await tx
		.deleteFrom('contact_subscription')
		.where('email', 'in', inList(match.subscriptions))
		.execute();
	await tx.deleteFrom('mail_message').where('id', 'in', inList(match.mails)).execute();
	await tx
		.updateTable('response')
		.set({ respondent_user_id: null })
		.where('id', 'in', inList(match.responses))
		.execute();
	for (const id of match.people) await deletePersonRecord(tx, id);
	for (const id of match.users) await removeAccount(tx, id, options.label);

	// Audit entries about these rows lose the values they recorded.
	for (const [entityType, ids] of [
		['user', match.users],
		['person', match.people],
		['registration', match.registrations],
		['contribution', match.contributions]
	] as const)
		if (ids.length)
			await tx
				.updateTable('audit_log')
				.set({ before: null, after: null })
				.where('entity_type', '=', entityType)
				.where(
					'entity_id',
					'in',
					ids.map((id) => String(id))
				)
				.execute();

	const counts = Object.fromEntries(
		Object.entries(match)
			.filter(([key, ids]) => key !== 'privacyRequests' && ids.length > 0)
			.map(([key, ids]) => [key, ids.length])
	);
	return { at: new Date(now), counts, freedEvents: [...new Set(future.map((r) => r.event_id))] };
}

export type CorrectableField = 'email' | 'phone' | 'name';

/** Replaces an e-mail, a phone number or a name everywhere it was found. */
export async function correctMatch(
	tx: Executor,
	match: SubjectMatch,
	field: CorrectableField,
	value: string
): Promise<number> {
	const inList = (values: number[]) => (values.length ? values : [-1]);
	const results = [];
	if (field === 'email') {
		if (match.users.length) {
			const taken = await tx
				.selectFrom('user')
				.select('id')
				.where('email', '=', value.toLowerCase())
				.where('id', 'not in', match.users)
				.executeTakeFirst();
			if (taken)
				throw new InvalidInputError('Un autre compte utilise déjà cette adresse.', 'value');
		}
		results.push(
			await tx
				.updateTable('user')
				.set({ email: value.toLowerCase() })
				.where('id', 'in', inList(match.users))
				.executeTakeFirst(),
			await tx
				.updateTable('person')
				.set({ email: value })
				.where('id', 'in', inList(match.people))
				.executeTakeFirst(),
			await tx
				.updateTable('registration')
				.set({ email: value })
				.where('id', 'in', inList(match.registrations))
				.where('email', 'is not', null)
				.executeTakeFirst(),
			await tx
				.updateTable('retour_request')
				.set({ email: value })
				.where('id', 'in', inList(match.retourRequests))
				.where('email', 'is not', null)
				.executeTakeFirst(),
			await tx
				.updateTable('contribution')
				.set({ contact_email: value })
				.where('id', 'in', inList(match.contributions))
				.where('contact_email', 'is not', null)
				.executeTakeFirst()
		);
	}
	if (field === 'phone')
		results.push(
			await tx
				.updateTable('person')
				.set({ phone: value })
				.where('id', 'in', inList(match.people))
				.executeTakeFirst(),
			await tx
				.updateTable('registration')
				.set({ phone: value })
				.where('id', 'in', inList(match.registrations))
				.where('phone', 'is not', null)
				.executeTakeFirst()
		);
	if (field === 'name') {
		const [first, ...rest] = value.split(/\s+/);
		results.push(
			await tx
				.updateTable('user')
				.set({ display_name: value })
				.where('id', 'in', inList(match.users))
				.executeTakeFirst(),
			await tx
				.updateTable('person')
				.set({ first_name: first, last_name: rest.join(' ') })
				.where('id', 'in', inList(match.people))
				.executeTakeFirst(),
			await tx
				.updateTable('registration')
				.set({ name: value })
				.where('id', 'in', inList(match.registrations))
				.executeTakeFirst(),
			await tx
				.updateTable('retour_request')
				.set({ name: value })
				.where('id', 'in', inList(match.retourRequests))
				.executeTakeFirst(),
			await tx
				.updateTable('contribution')
				.set({ author_name: value })
				.where('id', 'in', inList(match.contributions))
				.where('author_name', 'is not', null)
				.executeTakeFirst()
		);
	}
	return results.reduce((sum, r) => sum + Number(r.numUpdatedRows), 0);
}
