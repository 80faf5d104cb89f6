// Invitation codes: single-use, printed as cut-out slips or sent by e-mail.
import type { Context } from '../context';
import type { Db, Executor, Tx } from '../db/database';
import { lockRows } from '../db/concurrency';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError } from '../errors';
import { consultationInvitationMail } from '../mail/templates';
import { formatParisDateTime } from '$lib/paris-time';
import { generateReadableCode } from './codes';
import { getConsultationById } from './queries';

export interface InvitationBatch {
	batch: number;
	createdAt: string;
	count: number;
	used: number;
	emailed: number;
}

export async function listInvitationBatches(
	db: Executor,
	actor: Actor | null,
	consultationId: number
): Promise<InvitationBatch[]> {
	assertCan(actor, 'consultations.manage');
	const rows = await db
		.selectFrom('invitation_code')
		.select((eb) => [
			'batch',
			eb.fn.min('created_at').as('created_at'),
			eb.fn.countAll<number>().as('count'),
			eb.fn.count<number>('used_at').as('used'),
			eb.fn.count<number>('sent_to').as('emailed')
		])
		.where('consultation_id', '=', consultationId)
		.groupBy('batch')
		.orderBy('batch', 'desc')
		.execute();
	return rows.map((r) => ({
		batch: r.batch,
		createdAt: String(r.created_at),
		count: Number(r.count),
		used: Number(r.used),
		emailed: Number(r.emailed)
	}));
}

async function insertCodes(tx: Tx, consultationId: number, count: number, sentTo: string[] = []) {
	// Two officers generating at once get batches 3 and 4, not two batches 3.
	await lockRows(tx, 'consultation', [consultationId]);
	const last = await tx
		.selectFrom('invitation_code')
		.select((eb) => eb.fn.max('batch').as('max'))
		.where('consultation_id', '=', consultationId)
		.executeTakeFirst();
	const batch = Number(last?.max ?? 0) + 1;
	// Codes are unique across consultations: a code drawn again, here or
	// elsewhere, is skipped by the constraint and its place gets a new one,
	// so every code returned is this batch's and codes[i] is sentTo[i]'s.
	const codes: string[] = new Array(count);
	let pending = [...Array(count).keys()];
	const now = nowForDb();
	while (pending.length) {
		const drawn = new Set<string>();
		const tries = pending.slice(0, 500).map((index) => {
			let code = generateReadableCode();
			while (drawn.has(code)) code = generateReadableCode();
			drawn.add(code);
			return { index, code };
		});
		const inserted = await tx
			.insertInto('invitation_code')
			.values(
				tries.map(({ index, code }) => ({
					consultation_id: consultationId,
					code,
					batch,
					sent_to: sentTo[index] ?? null,
					created_at: now
				}))
			)
			.onConflict((oc) => oc.column('code').doNothing())
			.returning('code')
			.execute();
		const written = new Set(inserted.map((row) => row.code));
		for (const { index, code } of tries) if (written.has(code)) codes[index] = code;
		pending = pending.filter((index) => codes[index] === undefined);
	}
	return { batch, codes };
}

function assertCodeAccess(access: string) {
	if (access !== 'code')
		throw new ConflictError(
			'Cette consultation n’est pas sur code d’invitation : changez son accès dans les réglages.'
		);
}

export async function generateInvitationCodes(
	db: Db,
	actor: Actor | null,
	consultationId: number,
	count: number
): Promise<number> {
	assertCan(actor, 'consultations.manage');
	const consultation = await getConsultationById(db, consultationId);
	assertCodeAccess(consultation.access);
	return db.transaction().execute(async (tx) => {
		const { batch } = await insertCodes(tx, consultationId, count);
		await recordAudit(tx, {
			actor,
			action: 'consultation.codes.generate',
			entityType: 'consultation',
			entityId: consultationId,
			after: { batch, count }
		});
		return batch;
	});
}

export async function codesOfBatch(
	db: Executor,
	actor: Actor | null,
	consultationId: number,
	batch: number
): Promise<{ code: string; used: boolean }[]> {
	assertCan(actor, 'consultations.manage');
	const rows = await db
		.selectFrom('invitation_code')
		.select(['code', 'used_at'])
		.where('consultation_id', '=', consultationId)
		.where('batch', '=', batch)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ code: r.code, used: r.used_at !== null }));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One new code per address, each sent in its own message. */
export async function sendInvitationCodes(
	ctx: Context,
	actor: Actor | null,
	consultationId: number,
	emailsText: string
): Promise<{ sent: number; failed: number }> {
	const { db, mailer, origin } = ctx;
	assertCan(actor, 'consultations.manage');
	const consultation = await getConsultationById(db, consultationId);
	assertCodeAccess(consultation.access);
	const emails = [
		...new Set(
			emailsText
				.split(/[\s,;]+/)
				.map((e) => e.trim().toLowerCase())
				.filter(Boolean)
		)
	];
	const invalid = emails.filter((e) => !EMAIL.test(e) || e.length > 254);
	if (invalid.length)
		throw new InvalidInputError(
			`Adresse${invalid.length > 1 ? 's' : ''} non valable${invalid.length > 1 ? 's' : ''} : ${invalid.slice(0, 5).join(', ')}`,
			'emails'
		);
	if (emails.length > 2000)
		throw new InvalidInputError('2 000 adresses au plus à la fois.', 'emails');
	const { codes } = await db.transaction().execute(async (tx) => {
		const created = await insertCodes(tx, consultationId, emails.length, emails);
		await recordAudit(tx, {
			actor,
			action: 'consultation.codes.email',
			entityType: 'consultation',
			entityId: consultationId,
			after: { batch: created.batch, count: emails.length }
		});
		return created;
	});
	const link = `${origin}/consultations/${consultation.slug}`;
	const closesOn = formatParisDateTime(consultation.closesAt);
	let sent = 0;
	let failed = 0;
	for (const [i, to] of emails.entries()) {
		const status = await mailer.send(
			db,
			consultationInvitationMail(to, consultation.title, link, codes[i], closesOn)
		);
		if (status === 'echec') failed++;
		else sent++;
	}
	return { sent, failed };
}
