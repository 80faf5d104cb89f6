// A signed-in resident's own panel record: found by her account, or by her
// account's e-mail once the panel has confirmed that address, and linked to
// the account from then on. She manages it through the same page as the
// link of her welcome e-mail.
import type { PersonStatus } from '$lib/panel-vocabulary';
import type { Db, Executor } from '../db/database';
import type { Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { issuePersonToken } from './people';
import { findUserRowById } from '../users/queries';

export interface MyPanelRecord {
	personId: number;
	status: PersonStatus;
	pseudonym: string;
}

export async function myPanelRecord(
	db: Executor,
	actor: Actor | null
): Promise<MyPanelRecord | null> {
	if (!actor) return null;
	const email = (await findUserRowById(db, actor.id))?.email ?? null;
	const row = await db
		.selectFrom('person')
		.select(['id', 'status', 'pseudonym'])
		.where('in_panel', '=', 1)
		.where('status', '!=', 'parti')
		.where((eb) =>
			eb.or([
				eb('user_id', '=', actor.id),
				...(email
					? [eb.and([eb('email', '=', email), eb('email_confirmed_at', 'is not', null)])]
					: [])
			])
		)
		.orderBy('id')
		.executeTakeFirst();
	return row ? { personId: row.id, status: row.status, pseudonym: row.pseudonym } : null;
}

/**
 * A fresh link to « Mon inscription » for the signed-in person (valid one day;
 * her account can always make another). Links the record to the account.
 */
export async function openMyRegistration(db: Db, actor: Actor | null): Promise<string | null> {
	return db.transaction().execute(async (tx) => {
		const record = await myPanelRecord(tx, actor);
		if (!record || !actor) return null;
		await tx
			.updateTable('person')
			.set({ user_id: actor.id })
			.where('id', '=', record.personId)
			.where('user_id', 'is', null)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'panel.open-own',
			entityType: 'person',
			entityId: record.personId
		});
		return issuePersonToken(tx, record.personId, 'gestion', 1);
	});
}
