// People's rights (RGPD articles 15 to 17), for everyone: administrators
// answering a request, a signed-in resident alone, and a person without an
// account who proves their e-mail address by a confirmation link.
import type { Context } from '../context';
import { z } from 'zod';
import type { Db } from '../db/database';
import { nowForDb, toDbDate } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { generateToken, hashToken } from '../auth/tokens';
import { consumeRateLimit } from '../security/rate-limit';
import { privacyRequestMail } from '../mail/templates';
import { promoteWaitingList } from '../events/registration';
import { getEventById } from '../events/queries';
import {
	findSubject,
	isEmpty,
	reportSubject,
	type SubjectQuery,
	type SubjectReport
} from './subject';
import {
	correctMatch,
	eraseMatch,
	type CorrectableField,
	type ErasureReceipt
} from './subject-changes';

export const subjectQuerySchema = z
	.object({
		email: z.string().trim().max(254).default(''),
		phone: z.string().trim().max(30).default(''),
		name: z.string().trim().max(120).default('')
	})
	.refine((q) => q.email || q.phone || q.name, {
		message: 'Indiquez une adresse e-mail, un téléphone ou un nom.',
		path: ['email']
	});

export interface Found {
	report: SubjectReport;
	total: number;
}

async function found(db: Db, query: SubjectQuery): Promise<Found> {
	const match = await findSubject(db, query);
	const report = await reportSubject(db, match);
	return { report, total: report.sections.reduce((sum, s) => sum + s.items.length, 0) };
}

async function erase(
	ctx: Context,
	query: SubjectQuery,
	options: { withTexts: boolean; label: string }
): Promise<ErasureReceipt> {
	const { db, mailer, origin } = ctx;
	const match = await findSubject(db, query);
	const receipt = await db.transaction().execute(async (tx) => {
		const done = await eraseMatch(tx, match, options);
		for (const eventId of done.freedEvents) {
			const mails = await promoteWaitingList(tx, await getEventById(tx, eventId), origin);
			for (const mail of mails) await mailer.send(tx, mail);
		}
		return done;
	});
	return receipt;
}

// Back-office « Demandes RGPD »

export async function findPerson(db: Db, actor: Actor | null, query: SubjectQuery): Promise<Found> {
	assertCan(actor, 'privacy.manage');
	return found(db, query);
}

export async function erasePerson(
	ctx: Context,
	actor: Actor | null,
	query: SubjectQuery,
	options: { withTexts: boolean }
): Promise<ErasureReceipt> {
	assertCan(actor, 'privacy.manage');
	const { db } = ctx;
	const receipt = await erase(ctx, query, { ...options, label: 'Compte effacé (demande RGPD)' });
	await recordAudit(db, {
		actor,
		action: 'privacy.erased',
		entityType: 'privacy_request',
		after: { counts: receipt.counts, withTexts: options.withTexts }
	});
	return receipt;
}

const correctionSchemas: Record<CorrectableField, z.ZodType<string>> = {
	email: z.email({ error: 'Indiquez une adresse e-mail valide.' }).trim().max(254),
	phone: z
		.string()
		.trim()
		.regex(/^\+?[\d .-]{9,20}$/, { error: 'Indiquez un numéro de téléphone valide.' }),
	name: z.string().trim().min(1, { error: 'Indiquez le nom.' }).max(120)
};

export async function correctPerson(
	db: Db,
	actor: Actor | null,
	query: SubjectQuery,
	correction: { field: string; value: string }
): Promise<number> {
	assertCan(actor, 'privacy.manage');
	const field = correction.field as CorrectableField;
	const schema = correctionSchemas[field];
	if (!schema) throw new InvalidInputError('Choisissez ce qu’il faut corriger.', 'field');
	const parsed = schema.safeParse(correction.value);
	if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0].message, 'value');
	const match = await findSubject(db, query);
	if (isEmpty(match)) throw new NotFoundError('Aucune donnée trouvée pour cette personne.');
	const changed = await db
		.transaction()
		.execute((tx) => correctMatch(tx, match, field, parsed.data));
	await recordAudit(db, {
		actor,
		action: 'privacy.corrected',
		entityType: 'privacy_request',
		after: { field, changed }
	});
	return changed;
}

// « Mon compte »

export async function ownData(db: Db, actor: Actor | null): Promise<Found> {
	if (!actor) throw new ForbiddenError('Connectez-vous pour accéder à votre compte.');
	return found(db, { userId: actor.id });
}

/** Erases the account and everything linked to it or to its e-mail; the caller checked the password. */
export async function eraseOwnData(
	ctx: Context,
	actor: Actor,
	options: { withTexts: boolean }
): Promise<ErasureReceipt> {
	const { db } = ctx;
	const receipt = await erase(ctx, { userId: actor.id }, { ...options, label: 'Compte supprimé' });
	await recordAudit(db, {
		actor: null,
		action: 'user.deleted_by_owner',
		entityType: 'user',
		entityId: actor.id,
		after: { counts: receipt.counts }
	});
	return receipt;
}

// Requests by e-mail, for people without an account

const REQUEST_VALIDITY_MS = 7 * 24 * 3600 * 1000;

export const privacyRequestSchema = z.object({
	email: z
		.email({ error: 'Indiquez une adresse e-mail valide, par exemple nom@exemple.fr.' })
		.trim()
		.max(254)
});

/** Always says the same, whether the address is known or not; the link goes to the address only. */
export async function requestByEmail(
	ctx: Context,
	email: string,
	clientAddress: string
): Promise<void> {
	const { db, mailer, origin } = ctx;
	await consumeRateLimit(db, `privacy-request:${clientAddress}`, {
		limit: ctx.submissionsPerHour,
		windowSeconds: 3600
	});
	await consumeRateLimit(db, `privacy-request-address:${hashToken(email.toLowerCase())}`, {
		limit: 3,
		windowSeconds: 24 * 3600
	});
	const token = generateToken();
	const now = new Date();
	await db
		.insertInto('privacy_request')
		.values({
			email: email.toLowerCase(),
			token_hash: hashToken(token),
			created_at: toDbDate(now),
			expires_at: toDbDate(new Date(now.getTime() + REQUEST_VALIDITY_MS))
		})
		.execute();
	await mailer.send(
		db,
		privacyRequestMail(email, `${origin}/donnees-personnelles/demande/${token}`)
	);
}

async function openRequest(db: Db, token: string) {
	const request = await db
		.selectFrom('privacy_request')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!request || (request.completed_at === null && new Date(request.expires_at) <= new Date()))
		throw new NotFoundError('Ce lien n’est plus valable : faites une nouvelle demande.');
	return request;
}

export interface ConfirmedRequest extends Found {
	email: string;
	erasedAt: Date | null;
}

export async function confirmedRequest(db: Db, token: string): Promise<ConfirmedRequest> {
	const request = await openRequest(db, token);
	if (!request.confirmed_at)
		await db
			.updateTable('privacy_request')
			.set({ confirmed_at: nowForDb() })
			.where('id', '=', request.id)
			.execute();
	return {
		email: request.email,
		erasedAt:
			request.outcome === 'efface' && request.completed_at ? new Date(request.completed_at) : null,
		...(await found(db, { email: request.email }))
	};
}

export async function eraseByRequest(
	ctx: Context,
	token: string,
	options: { withTexts: boolean }
): Promise<ErasureReceipt> {
	const { db } = ctx;
	const request = await openRequest(db, token);
	if (request.outcome === 'efface')
		throw new InvalidInputError('Ces données ont déjà été effacées.');
	const receipt = await erase(
		ctx,
		{ email: request.email },
		{ ...options, label: 'Compte effacé (demande RGPD)' }
	);
	await db
		.updateTable('privacy_request')
		.set({
			confirmed_at: request.confirmed_at ?? nowForDb(),
			completed_at: nowForDb(),
			outcome: 'efface'
		})
		.where('id', '=', request.id)
		.execute();
	await recordAudit(db, {
		actor: null,
		action: 'privacy.erased',
		entityType: 'privacy_request',
		entityId: request.id,
		after: { counts: receipt.counts, withTexts: options.withTexts }
	});
	return receipt;
}

export interface PendingRequest {
	id: number;
	email: string;
	createdAt: Date;
	confirmedAt: Date | null;
	completedAt: Date | null;
	outcome: 'efface' | null;
	/** One month from the request (article 12.3). */
	dueOn: Date;
}

export async function listPrivacyRequests(db: Db, actor: Actor | null): Promise<PendingRequest[]> {
	assertCan(actor, 'privacy.manage');
	const rows = await db
		.selectFrom('privacy_request')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(100)
		.execute();
	return rows.map((r) => {
		const created = new Date(r.created_at);
		const due = new Date(created);
		due.setUTCMonth(due.getUTCMonth() + 1);
		return {
			id: r.id,
			email: r.email,
			createdAt: created,
			confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
			completedAt: r.completed_at ? new Date(r.completed_at) : null,
			outcome: r.outcome,
			dueOn: due
		};
	});
}
