// Sending a retour to everyone who asked for it: e-mails in batches by the
// background job (failures retried, then reported), letters for people
// reached only by post; every delivery is logged with its attempts.
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { nowForDb, toDbBool, toDbDate } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import { generateToken, hashToken } from '../auth/tokens';
import { consumeRateLimit } from '../security/rate-limit';
import { optionalEmailField, postalAddressField } from '../form-fields';
import type { Context } from '../context';
import { retourMail } from '../mail/templates';
import { subscribeContact } from '../contributions/digests';

export const RETOUR_REQUEST_CONSENT = {
	version: 'retour-2026-11',
	text: 'J’accepte que le Département garde ces coordonnées pour m’envoyer le retour de cette consultation, puis les efface.'
};
export const MAX_ATTEMPTS = 3;
export const BATCH_SIZE = 50;

export const retourRequestSchema = z
	.object({
		name: z.string().trim().max(120, '120 caractères au plus.').default(''),
		email: optionalEmailField,
		postalAddress: postalAddressField,
		falc: z.boolean().default(false),
		/** Also tell them, by digest, of each decision on their written ideas. */
		notify: z.boolean().default(false),
		consent: z.literal(true, { error: 'Cochez la case pour que nous gardions vos coordonnées.' })
	})
	.superRefine((request, context) => {
		for (const [path, message] of Object.entries(retourRequestChecks(request)))
			context.addIssue({ code: 'custom', message, path: [path] });
	});

/**
 * A way to send the retour, and an e-mail for the decisions' digest: the
 * schema's rules across fields, also checked while another field is wrong.
 */
export function retourRequestChecks(values: Record<string, unknown>): Record<string, string> {
	const filled = (key: string) => String(values[key] ?? '').trim() !== '';
	const ticked = values.notify === true || values.notify === 'on';
	if (!filled('email') && !filled('postalAddress'))
		return { email: 'Donnez une adresse e-mail ou une adresse postale.' };
	if (!filled('email') && ticked)
		return { email: 'Pour être prévenu·e de chaque décision, donnez votre adresse e-mail.' };
	return {};
}
export type RetourRequestInput = z.infer<typeof retourRequestSchema>;

/** Records who wants a retour, with the consent text's version. */
export async function addRetourRequest(
	db: Executor,
	request: {
		consultationId?: number;
		eventId?: number;
		name: string;
		email: string;
		postalAddress: string;
		falc: boolean;
	}
): Promise<void> {
	await db
		.insertInto('retour_request')
		.values({
			consultation_id: request.consultationId ?? null,
			event_id: request.eventId ?? null,
			name: request.name,
			email: request.email || null,
			postal_address: request.postalAddress || null,
			falc: toDbBool(request.falc),
			consent_text_version: RETOUR_REQUEST_CONSENT.version,
			token_hash: hashToken(generateToken()),
			created_at: nowForDb()
		})
		.execute();
}

/** Someone who answered a consultation asks for its retour. */
export async function requestRetour(
	{ db, submissionsPerHour }: Pick<Context, 'db' | 'submissionsPerHour'>,
	consultationId: number,
	input: RetourRequestInput,
	options: { clientAddress: string; responseId?: number }
): Promise<void> {
	await consumeRateLimit(db, `retour-request:${options.clientAddress}`, {
		limit: submissionsPerHour,
		windowSeconds: 3600
	});
	if (input.notify && input.email && options.responseId)
		await db.transaction().execute(async (tx) => {
			await tx
				.updateTable('contribution')
				.set({ contact_email: input.email, contact_consent: 1, updated_at: nowForDb() })
				.where('response_id', '=', options.responseId!)
				.execute();
			await subscribeContact(tx, input.email);
		});
	if (input.email) {
		const already = await db
			.selectFrom('retour_request')
			.select('id')
			.where('consultation_id', '=', consultationId)
			.where('email', '=', input.email)
			.where('unsubscribed_at', 'is', null)
			.executeTakeFirst();
		if (already) return;
	}
	await addRetourRequest(db, {
		consultationId,
		name: input.name,
		email: input.email,
		postalAddress: input.postalAddress,
		falc: input.falc
	});
}

async function scopeOf(db: Executor, retourId: number) {
	const retour = await db
		.selectFrom('retour')
		.select(['id', 'consultation_id', 'published_at'])
		.where('id', '=', retourId)
		.executeTakeFirst();
	if (!retour) throw new NotFoundError('Retour introuvable.');
	const events = await db
		.selectFrom('retour_event')
		.select('event_id')
		.where('retour_id', '=', retourId)
		.execute();
	return { retour, eventIds: events.map((e) => e.event_id) };
}

/** Queues one delivery per person who asked; running it again adds only newcomers. */
export async function startRetourSending(
	db: Db,
	actor: Actor | null,
	retourId: number
): Promise<number> {
	assertCan(actor, 'retours.manage');
	const { retour, eventIds } = await scopeOf(db, retourId);
	if (!retour.published_at)
		throw new InvalidInputError(
			'Publiez le retour avant de l’envoyer : le message renvoie à sa page.'
		);
	const requests = await db
		.selectFrom('retour_request')
		.select(['id', 'email'])
		.where('unsubscribed_at', 'is', null)
		.where((eb) =>
			eb.or([
				...(retour.consultation_id ? [eb('consultation_id', '=', retour.consultation_id)] : []),
				...(eventIds.length ? [eb('event_id', 'in', eventIds)] : []),
				eb.lit(false)
			])
		)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('retour_delivery')
						.select('retour_delivery.id')
						.whereRef('retour_delivery.request_id', '=', 'retour_request.id')
						.where('retour_delivery.retour_id', '=', retourId)
				)
			)
		)
		.execute();
	if (!requests.length) return 0;
	await db.transaction().execute(async (tx) => {
		const now = nowForDb();
		await tx
			.insertInto('retour_delivery')
			.values(
				requests.map((r) => ({
					retour_id: retourId,
					request_id: r.id,
					channel: r.email ? 'courriel' : 'courrier',
					created_at: now
				}))
			)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'retour.send',
			entityType: 'retour',
			entityId: retourId,
			after: { queued: requests.length }
		});
	});
	return requests.length;
}

/** An instance that took a delivery and died is given this long before another takes it back. */
const CLAIM_MS = 60 * 60 * 1000;

/**
 * Sends the next batch of e-mails; failed ones are tried again, up to three
 * times. Each delivery is claimed (a conditional update) before it is sent,
 * so that instances running this at once never send the same one twice.
 */
export async function processRetourDeliveries(
	{ db, mailer, origin, clock }: Context,
	limit = BATCH_SIZE
): Promise<{ sent: number; failed: number }> {
	const stale = new Date(clock.now().getTime() - CLAIM_MS).toISOString();
	const due = await db
		.selectFrom('retour_delivery as d')
		.innerJoin('retour_request as r', 'r.id', 'd.request_id')
		.innerJoin('retour', 'retour.id', 'd.retour_id')
		.select([
			'd.id',
			'd.attempts',
			'r.id as request_id',
			'r.email',
			'r.name',
			'r.falc',
			'retour.title',
			'retour.slug',
			'retour.body',
			'retour.falc_body'
		])
		.where('d.channel', '=', 'courriel')
		.where('d.status', 'in', ['en_attente', 'echec'])
		.where('d.attempts', '<', MAX_ATTEMPTS)
		.where('r.unsubscribed_at', 'is', null)
		.where((eb) => eb.or([eb('d.claimed_at', 'is', null), eb('d.claimed_at', '<', stale)]))
		.orderBy('d.id')
		.limit(limit)
		.execute();
	let sent = 0;
	let failed = 0;
	for (const d of due) {
		const claimed = await db
			.updateTable('retour_delivery')
			.set({ claimed_at: toDbDate(clock.now()) })
			.where('id', '=', d.id)
			.where('status', 'in', ['en_attente', 'echec'])
			.where('attempts', '=', d.attempts)
			.where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', stale)]))
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) continue;
		const token = generateToken();
		await db
			.updateTable('retour_request')
			.set({ token_hash: hashToken(token) })
			.where('id', '=', d.request_id)
			.execute();
		const text = d.falc && d.falc_body ? d.falc_body : d.body;
		const status = await mailer.send(
			db,
			retourMail(d.email!, {
				name: d.name,
				title: d.title,
				text,
				link: `${origin}/retours/${d.slug}`,
				unsubscribeLink: `${origin}/retours/desabonnement/${token}`
			})
		);
		const ok = status !== 'echec';
		await db
			.updateTable('retour_delivery')
			.set({
				status: ok ? 'envoye' : 'echec',
				attempts: d.attempts + 1,
				last_error: ok ? null : 'Le serveur de courriel a refusé le message.',
				sent_at: ok ? toDbDate(clock.now()) : null,
				claimed_at: null
			})
			.where('id', '=', d.id)
			.execute();
		if (ok) sent++;
		else failed++;
	}
	return { sent, failed };
}

export interface DeliveryProgress {
	email: { total: number; sent: number; pending: number; failed: number };
	letters: number;
	failures: { name: string; email: string; attempts: number; error: string | null }[];
}

export async function deliveryProgress(
	db: Db,
	actor: Actor | null,
	retourId: number
): Promise<DeliveryProgress> {
	assertCan(actor, 'retours.manage');
	const rows = await db
		.selectFrom('retour_delivery as d')
		.innerJoin('retour_request as r', 'r.id', 'd.request_id')
		.select(['d.channel', 'd.status', 'd.attempts', 'd.last_error', 'r.name', 'r.email'])
		.where('d.retour_id', '=', retourId)
		.execute();
	const email = rows.filter((r) => r.channel === 'courriel');
	return {
		email: {
			total: email.length,
			sent: email.filter((r) => r.status === 'envoye').length,
			pending: email.filter(
				(r) => r.status === 'en_attente' || (r.status === 'echec' && r.attempts < MAX_ATTEMPTS)
			).length,
			failed: email.filter((r) => r.status === 'echec' && r.attempts >= MAX_ATTEMPTS).length
		},
		letters: rows.filter((r) => r.channel === 'courrier').length,
		failures: email
			.filter((r) => r.status === 'echec')
			.map((r) => ({ name: r.name, email: r.email!, attempts: r.attempts, error: r.last_error }))
	};
}

export async function unsubscribeFromRetours(db: Db, token: string): Promise<void> {
	const result = await db
		.updateTable('retour_request')
		.set({ unsubscribed_at: nowForDb() })
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0)
		throw new NotFoundError('Ce lien n’est plus valable : utilisez celui du dernier message reçu.');
}
