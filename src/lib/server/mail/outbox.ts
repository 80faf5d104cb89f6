import type { Executor } from '../db/database';
import { fromDbDate } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';

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
	page = 1
): Promise<{ messages: OutboxMessage[]; total: number }> {
	assertCan(actor, 'outbox.read');
	const [rows, count] = await Promise.all([
		db
			.selectFrom('mail_message')
			.selectAll()
			.orderBy('id', 'desc')
			.limit(OUTBOX_PAGE_SIZE)
			.offset((Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE)
			.execute(),
		db
			.selectFrom('mail_message')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
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
