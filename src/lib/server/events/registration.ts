// Registering for an event without an account: a place while there is
// one, the waiting list after; a cancellation gives the place to the next
// person, who is told. Every message carries a link to cancel.
import type { Context } from '../context';
import { z } from 'zod';
import {
	CONTACT_MESSAGE,
	optionalEmailField,
	optionalPhoneField,
	postalAddressField
} from '../form-fields';
import type { Db, Executor, Tx } from '../db/database';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { lockRows, withFreshCode } from '../db/concurrency';
import { generateToken, hashToken } from '../auth/tokens';
import { consumeRateLimit } from '../security/rate-limit';
import { InvalidInputError, NotFoundError } from '../errors';
import type { OutgoingMail } from '../mail/mailer';
import {
	promotedFromWaitingListMail,
	registrationAlreadyMail,
	registrationCancelledMail,
	registrationConfirmedMail,
	registrationWaitingMail,
	type EventMailContext
} from '../mail/templates';
import { generateReadableCode } from '../consultations/codes';
import { formatParisDateTime } from '$lib/paris-time';
import { NEEDS, type RegistrationStatus } from '$lib/event-vocabulary';
import { placeLine, registrationClosedReason, type ConcertoEvent } from './model';
import { getEventById } from './queries';
import { eventIcs } from './ical';
import { recordChoices } from './programme';
import { addRetourRequest } from '../retours/delivery';

/** The consent text people agree to; its version is stored with each registration. */
export const REGISTRATION_CONSENT = {
	version: 'inscription-evenement-2026-11',
	text: 'J’accepte que le Département garde ces informations pour organiser ma venue à cet événement. Elles sont effacées un an après l’événement.'
};

const NEED_CODES = NEEDS.map((n) => n.code) as [string, ...string[]];

export const registrationSchema = z
	.object({
		name: z
			.string()
			.trim()
			.min(2, 'Écrivez votre nom (2 caractères au moins).')
			.max(120, '120 caractères au plus.'),
		email: optionalEmailField,
		phone: optionalPhoneField,
		postalAddress: postalAddressField,
		needs: z.array(z.enum(NEED_CODES)).max(NEED_CODES.length).default([]),
		needsDetail: z.string().trim().max(500, '500 caractères au plus.').default(''),
		workshops: z.array(z.coerce.number().int().positive()).max(20).default([]),
		wantsRetour: z.boolean().default(false),
		consent: z.literal(true, {
			error: 'Cochez la case pour accepter que nous gardions ces informations.'
		})
	})
	.superRefine((registration, context) => {
		for (const [path, message] of Object.entries(registrationChecks(registration)))
			context.addIssue({ code: 'custom', message, path: [path] });
	});
export type RegistrationInput = z.infer<typeof registrationSchema>;

/** What a person may change herself, with her link: her needs and her phone. */
export const registrationChangeSchema = z.object({
	phone: optionalPhoneField,
	needs: z.array(z.enum(NEED_CODES)).max(NEED_CODES.length).default([]),
	needsDetail: z.string().trim().max(500, '500 caractères au plus.').default('')
});
export type RegistrationChange = z.infer<typeof registrationChangeSchema>;

/**
 * The « one way to be reached » rule, checked with the schema's own (zod
 * skips it while another field is wrong) so that every error shows at once.
 */
export function registrationChecks(values: Record<string, unknown>): Record<string, string> {
	const filled = (key: string) => String(values[key] ?? '').trim() !== '';
	return filled('email') || filled('phone') || filled('postalAddress')
		? {}
		: { email: CONTACT_MESSAGE };
}

/**
 * What the page may show. With an e-mail address, the receipt code and the
 * cancel link go by mail only, and an address already registered gets the
 * same answer as a new one (and a message): the page never tells whether
 * someone is registered.
 */
export interface RegistrationOutcome {
	status: 'inscrit' | 'attente';
	/** Her rank on the waiting list (1 = the next place that frees is hers). */
	waitingPosition: number | null;
	/** The needs she stated, in words, which the service calls back about. */
	needs: string[];
	receiptCode: string | null;
	cancelToken: string | null;
	mailed: boolean;
}

async function waitingRank(tx: Executor, eventId: number, registrationId: number) {
	const row = await tx
		.selectFrom('registration')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', eventId)
		.where('status', '=', 'attente')
		.where('id', '<=', registrationId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The needs as the form said them, « Autre besoin » left to the details. */
function needLabels(codes: string[]): string[] {
	return NEEDS.filter((n) => codes.includes(n.code) && n.code !== 'autre').map((n) =>
		n.label.toLowerCase()
	);
}

export function mailContext(
	event: ConcertoEvent,
	origin: string,
	cancelToken: string,
	person: { name?: string | null; waitingPosition?: number | null; needs?: string[] } = {}
): EventMailContext {
	return {
		name: person.name?.trim() || null,
		waitingPosition: person.waitingPosition ?? null,
		needs: person.needs ?? [],
		title: event.title,
		when: `le ${formatParisDateTime(event.startsAt)}`,
		where: placeLine(event.place) || 'lieu précisé sur la page de l’événement',
		link: `${origin}/agenda/${event.slug}`,
		cancelLink: `${origin}/inscriptions/${cancelToken}`,
		ics: eventIcs(event, origin)
	};
}

async function placesTaken(tx: Executor, eventId: number): Promise<number> {
	const row = await tx
		.selectFrom('registration')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', eventId)
		.where('status', 'in', ['inscrit', 'present'])
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A registration that holds a place or a rank on the waiting list. */
export function holdsPlace(status: RegistrationStatus): status is 'inscrit' | 'attente' {
	return status === 'inscrit' || status === 'attente';
}

/** Who takes a place: a person from the public form, or a member of the event's group. */
export interface NewRegistration {
	name: string;
	email: string | null;
	phone?: string | null;
	postalAddress?: string | null;
	needs: string[];
	needsDetail: string;
	/** The member's account, when she registers from « Mes groupes ». */
	userId?: number | null;
}

export interface PlacedRegistration {
	id: number;
	status: 'inscrit' | 'attente';
	/** Her rank on the waiting list, null with a place. */
	rank: number | null;
	receiptCode: string;
	cancelToken: string;
}

/**
 * Locks the event's row for the rest of the transaction and reads its
 * capacity again: every change to its places (a registration, a
 * cancellation, a promotion, a new capacity) takes this lock first, so two
 * of them never count the same free place, and waiting ranks follow the
 * order the locks were granted in.
 */
export async function lockEventPlaces(
	tx: Tx,
	eventId: number
): Promise<{ capacity: number | null }> {
	await lockRows(tx, 'event', [eventId]);
	return tx
		.selectFrom('event')
		.select('capacity')
		.where('id', '=', eventId)
		.executeTakeFirstOrThrow();
}

/** A place while there is one, the waiting list after. */
async function statusForNewPlace(tx: Tx, eventId: number) {
	const { capacity } = await lockEventPlaces(tx, eventId);
	const taken = await placesTaken(tx, eventId);
	return capacity === null || taken < capacity ? ('inscrit' as const) : ('attente' as const);
}

/**
 * The one way a registration is written, from the public form and from a
 * member's space: place or waiting list, the consent text's version, a
 * receipt code and a cancel link. Runs inside the caller's transaction.
 */
export async function placeRegistration(
	tx: Tx,
	event: ConcertoEvent,
	person: NewRegistration
): Promise<PlacedRegistration> {
	const status = await statusForNewPlace(tx, event.id);
	const cancelToken = generateToken();
	const now = nowForDb();
	const { id, receiptCode } = await withFreshCode(tx, generateReadableCode, async (receiptCode) => {
		const { id } = await tx
			.insertInto('registration')
			.values({
				event_id: event.id,
				status,
				name: person.name,
				email: person.email,
				phone: person.phone ?? null,
				postal_address: person.postalAddress ?? null,
				needs: toDbJson(person.needs),
				needs_detail: person.needsDetail,
				user_id: person.userId ?? null,
				consent_text_version: REGISTRATION_CONSENT.version,
				consented_at: now,
				cancel_token_hash: hashToken(cancelToken),
				receipt_code: receiptCode,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return { id, receiptCode };
	});
	const rank = status === 'attente' ? await waitingRank(tx, event.id, id) : null;
	return { id, status, rank, receiptCode, cancelToken };
}

/**
 * Takes back a cancelled registration of the same person: a place if one is
 * free, the waiting list otherwise, as a new registration would.
 */
export async function reopenRegistration(
	tx: Tx,
	event: ConcertoEvent,
	registrationId: number,
	change: { needs?: string[]; needsDetail?: string } = {}
): Promise<'inscrit' | 'attente'> {
	const status = await statusForNewPlace(tx, event.id);
	await tx
		.updateTable('registration')
		.set({
			status,
			cancelled_at: null,
			...neededChange(change),
			updated_at: nowForDb()
		})
		.where('id', '=', registrationId)
		.execute();
	return status;
}

/** Needs changed are to arrange again. */
export function neededChange(change: { needs?: string[]; needsDetail?: string }) {
	return change.needs
		? {
				needs: toDbJson(change.needs),
				needs_detail: change.needsDetail ?? '',
				needs_arranged_at: null,
				needs_arranged_by: null
			}
		: {};
}

/**
 * Cancels a place or a waiting rank and gives the freed place to the
 * waiting list; returns whether it was cancelled and the mails to send.
 */
export async function cancelInTransaction(
	tx: Tx,
	registrationId: number,
	eventId: number,
	origin: string
): Promise<{ cancelled: boolean; mails: OutgoingMail[] }> {
	// The event first, as everything that changes its places: the freed place is counted once.
	await lockEventPlaces(tx, eventId);
	const now = nowForDb();
	const updated = await tx
		.updateTable('registration')
		.set({ status: 'annule', cancelled_at: now, updated_at: now })
		.where('id', '=', registrationId)
		.where('status', 'in', ['inscrit', 'attente'])
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) return { cancelled: false, mails: [] };
	const event = await getEventById(tx, eventId);
	return { cancelled: true, mails: await promoteWaitingList(tx, event, origin) };
}

export async function registerForEvent(
	ctx: Context,
	event: ConcertoEvent,
	input: RegistrationInput,
	clientAddress: string
): Promise<RegistrationOutcome> {
	const { db, mailer, origin } = ctx;
	const closed = registrationClosedReason(event);
	if (closed) throw new InvalidInputError(closed);
	await consumeRateLimit(db, `event-registration:${clientAddress}`, {
		limit: ctx.submissionsPerHour,
		windowSeconds: 3600
	});
	// An address already registered gets a new cancel link, and nothing is written.
	const outcome = await db.transaction().execute(async (tx) => {
		// Before looking for her address: the same form sent twice at once finds the first one.
		await lockEventPlaces(tx, event.id);
		const already = input.email
			? await tx
					.selectFrom('registration')
					.select(['id', 'status'])
					.where('event_id', '=', event.id)
					.where('email', '=', input.email)
					.where('status', 'in', ['inscrit', 'attente'])
					.executeTakeFirst()
			: undefined;
		if (already && holdsPlace(already.status)) {
			const status = already.status;
			return {
				already: true as const,
				status,
				rank: status === 'attente' ? await waitingRank(tx, event.id, already.id) : null,
				cancelToken: await issueCancelToken(tx, already.id)
			};
		}
		const placed = await placeRegistration(tx, event, {
			name: input.name,
			email: input.email || null,
			phone: input.phone || null,
			postalAddress: input.postalAddress || null,
			needs: input.needs,
			needsDetail: input.needsDetail
		});
		await recordChoices(tx, event.id, placed.id, input.workshops);
		if (input.wantsRetour && (input.email || input.postalAddress))
			await addRetourRequest(tx, {
				eventId: event.id,
				name: input.name,
				email: input.email,
				postalAddress: input.postalAddress,
				falc: input.needs.includes('falc')
			});
		return { already: false as const, ...placed };
	});
	const needs = needLabels(input.needs);
	const done = { status: outcome.status, waitingPosition: outcome.rank, needs };
	// Without an e-mail address (never found already registered) the page is
	// the only way to give the codes.
	if (!input.email)
		return outcome.already
			? { ...done, receiptCode: null, cancelToken: outcome.cancelToken, mailed: false }
			: {
					...done,
					receiptCode: outcome.receiptCode,
					cancelToken: outcome.cancelToken,
					mailed: false
				};
	const context = mailContext(event, origin, outcome.cancelToken, {
		name: input.name,
		waitingPosition: outcome.rank,
		needs
	});
	const mail = outcome.already
		? registrationAlreadyMail(input.email, context, outcome.status)
		: outcome.status === 'inscrit'
			? registrationConfirmedMail(input.email, context, outcome.receiptCode)
			: registrationWaitingMail(input.email, context, outcome.receiptCode);
	const mailed = (await mailer.send(db, mail)) !== 'echec';
	return { ...done, receiptCode: null, cancelToken: null, mailed };
}

export interface RegistrationByToken {
	id: number;
	name: string;
	status: string;
	email: string | null;
	phone: string | null;
	needs: string[];
	needsDetail: string;
	event: ConcertoEvent;
}

export async function findRegistrationByToken(
	db: Executor,
	token: string
): Promise<RegistrationByToken | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const row = await db
		.selectFrom('registration')
		.select(['id', 'name', 'status', 'event_id', 'email', 'phone', 'needs', 'needs_detail'])
		.where('cancel_token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		name: row.name,
		status: row.status,
		email: row.email,
		phone: row.phone,
		needs: fromDbJson<string[]>(row.needs, []),
		needsDetail: row.needs_detail ?? '',
		event: await getEventById(db, row.event_id)
	};
}

/** A new cancel link for a registration (only the hash of the old one was kept). */
async function issueCancelToken(tx: Tx, registrationId: number): Promise<string> {
	const token = generateToken();
	await tx
		.updateTable('registration')
		.set({ cancel_token_hash: hashToken(token) })
		.where('id', '=', registrationId)
		.execute();
	return token;
}

/**
 * Gives free places to the waiting list, oldest first, and returns the
 * messages that tell them; call after anything that frees a place.
 */
export async function promoteWaitingList(
	tx: Tx,
	event: ConcertoEvent,
	origin: string
): Promise<OutgoingMail[]> {
	if (event.status !== 'publie') return [];
	const mails: OutgoingMail[] = [];
	const { capacity } = await lockEventPlaces(tx, event.id);
	let free = capacity === null ? Infinity : capacity - (await placesTaken(tx, event.id));
	while (free > 0) {
		const next = await tx
			.selectFrom('registration')
			.select(['id', 'email', 'name'])
			.where('event_id', '=', event.id)
			.where('status', '=', 'attente')
			.orderBy('created_at')
			.orderBy('id')
			.executeTakeFirst();
		if (!next) break;
		const now = nowForDb();
		await tx
			.updateTable('registration')
			.set({ status: 'inscrit', promoted_at: now, updated_at: now })
			.where('id', '=', next.id)
			.execute();
		free--;
		if (next.email) {
			const token = await issueCancelToken(tx, next.id);
			mails.push(
				promotedFromWaitingListMail(
					next.email,
					mailContext(event, origin, token, { name: next.name })
				)
			);
		}
	}
	return mails;
}

export async function cancelRegistration(
	ctx: Context,
	token: string
): Promise<{ eventTitle: string; promoted: number }> {
	const { db, mailer, origin } = ctx;
	const found = await findRegistrationByToken(db, token);
	if (!found) throw new NotFoundError('Ce lien d’annulation n’est pas valable.');
	const { cancelled, mails } = await db
		.transaction()
		.execute((tx) => cancelInTransaction(tx, found.id, found.event.id, origin));
	for (const mail of mails) await mailer.send(db, mail);
	if (cancelled && found.email)
		await mailer.send(
			db,
			registrationCancelledMail(
				found.email,
				mailContext(found.event, origin, token, { name: found.name })
			)
		);
	return { eventTitle: found.event.title, promoted: mails.length };
}

/**
 * Her needs and phone, changed with her link. A need added is shown again
 * to the officers as not yet arranged.
 */
export async function changeRegistration(
	db: Db,
	token: string,
	change: RegistrationChange
): Promise<void> {
	const found = await findRegistrationByToken(db, token);
	if (!found) throw new NotFoundError('Ce lien n’est pas valable.');
	if (!['inscrit', 'attente'].includes(found.status))
		throw new InvalidInputError('Cette inscription est annulée : elle ne peut plus changer.');
	if (!found.email && !change.phone && !found.phone)
		throw new InvalidInputError(CONTACT_MESSAGE, 'phone');
	await db
		.updateTable('registration')
		.set({
			phone: change.phone || null,
			...neededChange(change),
			updated_at: nowForDb()
		})
		.where('id', '=', found.id)
		.execute();
}
