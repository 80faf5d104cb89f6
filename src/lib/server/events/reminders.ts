// Reminders two days before: each registered person with an e-mail gets
// one, once, whatever the number of runs.
import type { Context } from '../context';
import { toDbDate } from '../db/codecs';
import { generateToken, hashToken } from '../auth/tokens';
import { eventReminderMail } from '../mail/templates';
import { getEventById } from './queries';
import { mailContext } from './registration';

export const REMINDER_HOURS = 48;

export async function sendEventReminders({ db, mailer, origin, clock }: Context): Promise<number> {
	const now = clock.now();
	const horizon = new Date(now.getTime() + REMINDER_HOURS * 3600 * 1000);
	const due = await db
		.selectFrom('registration')
		.innerJoin('event', 'event.id', 'registration.event_id')
		.select(['registration.id', 'registration.email', 'registration.name', 'registration.event_id'])
		.where('event.status', '=', 'publie')
		.where('event.starts_at', '>', now.toISOString())
		.where('event.starts_at', '<=', horizon.toISOString())
		.where('registration.status', '=', 'inscrit')
		.where('registration.email', 'is not', null)
		.where('registration.reminded_at', 'is', null)
		.execute();
	let sent = 0;
	for (const registration of due) {
		const token = generateToken();
		// Marked first: a crash after this line costs one reminder, never a duplicate.
		const claimed = await db
			.updateTable('registration')
			.set({ reminded_at: toDbDate(now), cancel_token_hash: hashToken(token) })
			.where('id', '=', registration.id)
			.where('reminded_at', 'is', null)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) continue;
		const event = await getEventById(db, registration.event_id);
		const status = await mailer.send(
			db,
			eventReminderMail(
				registration.email!,
				mailContext(event, origin, token, { name: registration.name })
			)
		);
		if (status !== 'echec') sent++;
	}
	return sent;
}
