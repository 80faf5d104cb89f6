import type { Executor } from '../db/database';
import { fromDbDate } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import type { MailStatus } from './mailer';

export interface OutboxMessage {
	id: number;
	to: string;
	subject: string;
	text: string | null;
	purpose: string;
	status: string;
	error: string | null;
	createdAt: Date;
	sentAt: Date | null;
}

export const OUTBOX_PAGE_SIZE = 30;

export async function listOutbox(
	db: Executor,
	actor: Actor | null,
	page = 1,
	filter: { status?: MailStatus } = {}
): Promise<{ messages: OutboxMessage[]; total: number }> {
	assertCan(actor, 'outbox.read');
	let base = db.selectFrom('mail_message');
	if (filter.status) base = base.where('status', '=', filter.status);
	const [rows, count] = await Promise.all([
		base
			.selectAll()
			.orderBy('id', 'desc')
			.limit(OUTBOX_PAGE_SIZE)
			.offset((Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		messages: rows.map((row) => ({
			id: row.id,
			to: row.to_address,
			subject: row.subject,
			text: row.text_body,
			purpose: row.purpose,
			status: row.status,
			error: row.error,
			createdAt: fromDbDate(row.created_at),
			sentAt: fromDbDate(row.sent_at)
		})),
		total: Number(count.n)
	};
}
