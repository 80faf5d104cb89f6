// Answering a consultation on line: who may answer, drafts saved section by
// section (cookie token or resume code), and the one-time submission.
import type { Context } from '../context';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { can, type Actor } from '../auth/permissions';
import { generateToken, hashToken } from '../auth/tokens';
import {
	codeLimits,
	consumeRateLimit,
	limitFailures,
	type RateLimitRule
} from '../security/rate-limit';
import type { Audience } from '$lib/consultation-vocabulary';
import { generateReadableCode, normaliseCode } from './codes';
import { lockRows, withFreshCode } from '../db/concurrency';
import type { Consultation, Questionnaire, Section } from './model';
import {
	keepVisible,
	missingRequired,
	readAnswers,
	validateAll,
	visibleQuestionIds,
	type Answers,
	type FieldErrors,
	type FormSource,
	type SectionReading
} from './answers';
import { finaliseResponse } from './submission';

const STAFF_ROLES = new Set(['admin', 'agent', 'pilote']);

/** Why this person may not answer, in French, or null when they may. */
export function refusalReason(consultation: Consultation, actor: Actor | null): string | null {
	if (consultation.status === 'brouillon' || consultation.status === 'planifiee')
		return 'Cette consultation n’est pas encore ouverte.';
	if (consultation.status !== 'ouverte') return 'Cette consultation est close.';
	if (consultation.access === 'membres' && actor?.role !== 'membre')
		return 'Cette consultation est réservée aux membres du panel et des groupes : connectez-vous avec votre compte de membre.';
	if (consultation.access === 'agents' && !(actor && STAFF_ROLES.has(actor.role)))
		return 'Cette consultation est réservée aux agents du Département : connectez-vous avec votre compte professionnel.';
	if (consultation.identity === 'nominative' && !actor)
		return 'Les réponses à cette consultation sont nominatives : connectez-vous pour répondre.';
	return null;
}

/** Everyone answers once per account where there is one to tell. */
function countsPerAccount(consultation: Consultation): boolean {
	return (
		consultation.identity === 'nominative' ||
		consultation.access === 'membres' ||
		consultation.access === 'agents'
	);
}

export async function hasAlreadyAnswered(
	db: Executor,
	consultation: Consultation,
	actor: Actor | null
): Promise<boolean> {
	if (!actor || !countsPerAccount(consultation)) return false;
	const row = await db
		.selectFrom('consultation_participation')
		.select('user_id')
		.where('consultation_id', '=', consultation.id)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	return row !== undefined;
}

export interface StartInput {
	invitationCode?: string;
	audience?: string;
	clientAddress: string;
}

export interface Draft {
	responseId: number;
	status: 'brouillon' | 'envoyee';
	answers: Answers;
	receiptCode: string | null;
	audience: Audience | null;
}

async function draftRow(db: Executor, consultationId: number, token: string | null) {
	if (!token) return undefined;
	const hash = hashToken(token);
	// Two lookups by a unique token rather than one `or` of both: with the
	// `or`, both engines scanned every response of the consultation (the
	// answering page went from 258 to 29 pages/s between 2,000 and 100,000
	// responses).
	const own = await db
		.selectFrom('response')
		.select(['id', 'status', 'draft', 'receipt_code', 'audience'])
		.where('consultation_id', '=', consultationId)
		.where('draft_token_hash', '=', hash)
		.executeTakeFirst();
	if (own) return own;
	return db
		.selectFrom('response_device')
		.innerJoin('response', 'response.id', 'response_device.response_id')
		.select([
			'response.id',
			'response.status',
			'response.draft',
			'response.receipt_code',
			'response.audience'
		])
		.where('response_device.token_hash', '=', hash)
		.where('response.consultation_id', '=', consultationId)
		.executeTakeFirst();
}

export async function getDraft(
	db: Executor,
	consultation: Consultation,
	token: string | null
): Promise<Draft | null> {
	const row = await draftRow(db, consultation.id, token);
	if (!row) return null;
	return {
		responseId: row.id,
		status: row.status === 'envoyee' ? 'envoyee' : 'brouillon',
		answers: fromDbJson<Answers>(row.draft, {}),
		receiptCode: row.receipt_code,
		audience: row.audience ?? null
	};
}

async function rateLimit(db: Executor, key: string, rule: RateLimitRule) {
	await consumeRateLimit(db, key, rule);
}

function chooseAudience(consultation: Consultation, input: string | undefined): Audience {
	if (consultation.audiences.length === 1) return consultation.audiences[0];
	const chosen = consultation.audiences.find((a) => a === input);
	if (!chosen) throw new InvalidInputError('Dites-nous à quel titre vous répondez.', 'audience');
	return chosen;
}

/**
 * Opens a draft and returns the secret token that the respondent's cookie
 * keeps. With an invitation code already attached to a draft, that draft is
 * handed over instead (a new token: the old one stops working).
 */
export async function startResponse(
	{ db, submissionsPerHour }: Pick<Context, 'db' | 'submissionsPerHour'>,
	consultation: Consultation,
	actor: Actor | null,
	input: StartInput
): Promise<string> {
	const refusal = refusalReason(consultation, actor);
	if (refusal) throw new ForbiddenError(refusal);
	if (await hasAlreadyAnswered(db, consultation, actor))
		throw new ConflictError('Vous avez déjà répondu à cette consultation. Merci !');
	const audience = chooseAudience(consultation, input.audience);
	await rateLimit(db, `consultation-start:${input.clientAddress}`, {
		limit: submissionsPerHour * 2,
		windowSeconds: 3600
	});
	const token = generateToken();
	const now = nowForDb();
	const open = () =>
		db.transaction().execute(async (tx) => {
			let invitationCodeId: number | null = null;
			if (consultation.access === 'code') {
				const code = normaliseCode(input.invitationCode ?? '');
				const invitation = code
					? await tx
							.selectFrom('invitation_code')
							.select(['id', 'used_at'])
							.where('consultation_id', '=', consultation.id)
							.where('code', '=', code)
							.executeTakeFirst()
					: undefined;
				if (!invitation)
					throw new InvalidInputError(
						'Ce code d’invitation n’est pas reconnu. Vérifiez-le : il a 8 caractères, comme K7PM-2QXR.',
						'invitationCode'
					);
				if (invitation.used_at)
					throw new ConflictError(
						'Ce code d’invitation a déjà servi à répondre.',
						'invitationCode'
					);
				const handedOver = await tx
					.updateTable('response')
					.set({ draft_token_hash: hashToken(token), updated_at: now })
					.where('invitation_code_id', '=', invitation.id)
					.where('status', '=', 'brouillon')
					.executeTakeFirst();
				if (Number(handedOver.numUpdatedRows) > 0) return;
				invitationCodeId = invitation.id;
			}
			await tx
				.insertInto('response')
				.values({
					consultation_id: consultation.id,
					status: 'brouillon',
					channel: 'web',
					audience,
					draft: '{}',
					draft_token_hash: hashToken(token),
					invitation_code_id: invitationCodeId,
					respondent_user_id: consultation.identity === 'nominative' ? (actor?.id ?? null) : null,
					started_at: now,
					updated_at: now
				})
				.execute();
		});
	// Unknown invitation codes count as failures of the address; good ones never do.
	await (consultation.access === 'code'
		? limitFailures(db, codeLimits(input.clientAddress), open)
		: open());
	return token;
}

/** Sections that have at least one question shown, given the answers so far. */
export function stepsOf(questionnaire: Questionnaire, answers: Answers): Section[] {
	const visible = visibleQuestionIds(questionnaire, answers);
	return questionnaire.sections.filter((s) => s.questions.some((q) => visible.has(q.id)));
}

export interface SaveResult extends SectionReading {
	answersSoFar: Answers;
}

async function openDraft(db: Executor, consultation: Consultation, token: string | null) {
	const draft = await getDraft(db, consultation, token);
	if (!draft)
		throw new NotFoundError(
			'Nous ne retrouvons pas vos réponses en cours. Recommencez depuis la page de la consultation, ou saisissez votre code de reprise.'
		);
	return draft;
}

/**
 * Saves what the respondent typed in one section, whatever its state: valid
 * answers are kept even when others need fixing. With `checkRequired`, the
 * required questions left blank are errors too.
 */
export async function saveSection(
	db: Db,
	consultation: Consultation,
	questionnaire: Questionnaire,
	token: string | null,
	section: Section,
	form: FormSource,
	communeCodes: ReadonlySet<string>,
	checkRequired: boolean
): Promise<SaveResult> {
	if (consultation.status !== 'ouverte')
		throw new ForbiddenError(refusalReason(consultation, null) ?? 'Cette consultation est close.');
	const draft = await openDraft(db, consultation, token);
	if (draft.status === 'envoyee')
		throw new ConflictError('Vos réponses ont déjà été envoyées. Merci !');
	const reading = readAnswers(section.questions, form, communeCodes);
	const merged: Answers = { ...draft.answers };
	for (const question of section.questions) delete merged[question.id];
	Object.assign(merged, reading.answers);
	const answersSoFar = keepVisible(questionnaire, merged);
	await db
		.updateTable('response')
		.set({ draft: toDbJson(answersSoFar), updated_at: nowForDb() })
		.where('id', '=', draft.responseId)
		.where('status', '=', 'brouillon')
		.execute();
	let errors: FieldErrors = reading.errors;
	if (checkRequired) {
		const visible = visibleQuestionIds(questionnaire, answersSoFar);
		errors = { ...missingRequired(section.questions, answersSoFar, visible), ...errors };
	}
	return { ...reading, errors, answersSoFar };
}

/** A code to take the draft elsewhere (another device, or from paper to web). */
export async function createResumeCode(
	db: Db,
	consultation: Consultation,
	token: string | null
): Promise<string> {
	const draft = await openDraft(db, consultation, token);
	if (draft.status === 'envoyee')
		throw new ConflictError('Vos réponses ont déjà été envoyées. Merci !');
	// Resume codes are unique (only their hash is kept): a repeat is drawn again.
	return db.transaction().execute((tx) =>
		withFreshCode(tx, generateReadableCode, async (code) => {
			await tx
				.updateTable('response')
				.set({ resume_code_hash: hashToken(code), updated_at: nowForDb() })
				.where('id', '=', draft.responseId)
				.execute();
			return code;
		})
	);
}

/** Takes a draft back with its resume code; returns a new cookie token. */
export async function resumeWithCode(
	db: Db,
	consultation: Consultation,
	input: string,
	clientAddress: string
): Promise<string> {
	return limitFailures(db, codeLimits(clientAddress), async () => {
		const code = normaliseCode(input);
		const fail = new InvalidInputError(
			'Ce code de reprise n’est pas reconnu. Vérifiez-le : il a 8 caractères, comme K7PM-2QXR.',
			'resumeCode'
		);
		if (!code) throw fail;
		if (consultation.status !== 'ouverte')
			throw new ForbiddenError('Cette consultation est close.');
		const draft = await db
			.selectFrom('response')
			.select('id')
			.where('consultation_id', '=', consultation.id)
			.where('resume_code_hash', '=', hashToken(code))
			.where('status', '=', 'brouillon')
			.executeTakeFirst();
		if (!draft) throw fail;
		// A token of its own for this device: the first device keeps the same draft.
		const token = generateToken();
		await db
			.insertInto('response_device')
			.values({ response_id: draft.id, token_hash: hashToken(token), created_at: nowForDb() })
			.execute();
		return token;
	});
}

export type SubmitOutcome =
	{ ok: true; receiptCode: string } | { ok: false; errors: FieldErrors; sectionId: number };

/**
 * Sends the draft. A second submission of the same draft (double click,
 * replayed request) returns the first one's receipt and creates nothing.
 */
export async function submitResponse(
	{ db, submissionsPerHour }: Pick<Context, 'db' | 'submissionsPerHour'>,
	consultation: Consultation,
	questionnaire: Questionnaire,
	token: string | null,
	actor: Actor | null,
	clientAddress: string
): Promise<SubmitOutcome> {
	const draft = await openDraft(db, consultation, token);
	if (draft.status === 'envoyee' && draft.receiptCode)
		return { ok: true, receiptCode: draft.receiptCode };
	const refusal = refusalReason(consultation, actor);
	if (refusal) throw new ForbiddenError(refusal);
	const errors = validateAll(questionnaire, draft.answers);
	const firstWrong = questionnaire.sections.find((s) => s.questions.some((q) => errors[q.id]));
	if (firstWrong) return { ok: false, errors, sectionId: firstWrong.id };
	if (!can(actor, 'consultations.enter'))
		await rateLimit(db, `consultation-submit:${clientAddress}`, {
			limit: submissionsPerHour,
			windowSeconds: 3600
		});
	return db.transaction().execute(async (tx) => {
		// One answer per account: her row locked, two drafts sent at once are checked one after the other.
		if (actor && countsPerAccount(consultation)) await lockRows(tx, 'user', [actor.id]);
		if (await hasAlreadyAnswered(tx, consultation, actor))
			throw new ConflictError('Vous avez déjà répondu à cette consultation. Merci !');
		const receiptCode = await finaliseResponse(tx, consultation, questionnaire, {
			responseId: draft.responseId,
			answers: draft.answers,
			participantUserId: countsPerAccount(consultation) ? (actor?.id ?? null) : null
		});
		if (receiptCode === null) {
			const again = await getDraft(tx, consultation, token);
			return { ok: true as const, receiptCode: again?.receiptCode ?? '' };
		}
		return { ok: true as const, receiptCode };
	});
}
