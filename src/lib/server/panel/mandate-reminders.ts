// A month before their mandate ends, people of the panel get one e-mail
// with a link to renew it for a year or to leave; those without e-mail are
// listed for officers (registry filter « mandat à renouveler »).
import { parisDay } from '$lib/paris-time';
import { sql } from 'kysely';
import type { Context } from '../context';
import { toDbDate } from '../db/codecs';
import { mandateRenewalMail } from '../mail/templates';
import { issuePersonToken } from './people';

export const RENEWAL_NOTICE_DAYS = 30;

/** The last day of mandates that are due for renewal on `now`. */
export function renewalHorizon(now = new Date()): string {
	return parisDay(new Date(now.getTime() + RENEWAL_NOTICE_DAYS * 86400_000));
}

const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

export async function sendMandateReminders({
	db,
	mailer,
	origin,
	clock
}: Context): Promise<number> {
	const now = clock.now();
	const due = await db
		.selectFrom('person')
		.select(['id', 'email', 'first_name', 'mandate_end'])
		.where('in_panel', '=', 1)
		.where('status', 'in', ['actif', 'en_pause'])
		.where('mandate_end', 'is not', null)
		.where('mandate_end', '<=', renewalHorizon(now))
		.where('renewal_reminded_at', 'is', null)
		.where('email', 'is not', null)
		// An address typed online is written to only once its owner confirmed it.
		.where((eb) =>
			eb.or([eb('email_confirmed_at', 'is not', null), eb('source', '!=', 'en_ligne')])
		)
		.orderBy('mandate_end')
		.execute();
	let sent = 0;
	for (const person of due) {
		// Claimed first: a crash after this costs one reminder, never a duplicate.
		const token = await db.transaction().execute(async (tx) => {
			const claimed = await tx
				.updateTable('person')
				.set({ renewal_reminded_at: toDbDate(now) })
				.where('id', '=', person.id)
				.where('renewal_reminded_at', 'is', null)
				.executeTakeFirst();
			if (Number(claimed.numUpdatedRows) === 0) return null;
			return issuePersonToken(tx, person.id, 'gestion', null);
		});
		if (!token) continue;
		const status = await mailer.send(
			db,
			mandateRenewalMail(person.email!, {
				firstName: person.first_name,
				mandateEnd: frenchDay(person.mandate_end!),
				manageLink: `${origin}/panel/inscription/${token}`
			})
		);
		if (status !== 'echec') sent++;
	}
	return sent;
}

/** Mandates due for renewal, for the registry filter. */
export const mandateDueCondition = (now = new Date()) =>
	sql<boolean>`person.mandate_end is not null and person.mandate_end <= ${renewalHorizon(now)}`;
