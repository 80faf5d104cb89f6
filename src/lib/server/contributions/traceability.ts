// What became of what people said, in public: by receipt code on /suivi,
// under « Mes contributions » for a signed-in resident, and on each
// fiche-action's page. Only public texts and decisions are shown.
import type { Context } from '../context';
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { nowForDb, toDbBool } from '../db/codecs';
import type { Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import { codeLimits, consumeRateLimit, limitFailures } from '../security/rate-limit';
import { foldForSearch } from '../text';
import { generateReadableCode, normaliseCode } from '../consultations/codes';
import { withFreshCode } from '../db/concurrency';
import { optionalEmailField } from '../form-fields';
import { subscribeContact } from './digests';
import type { ContributionState, Decision } from '$lib/contribution-vocabulary';

export interface TracedLink {
	ref: string;
	title: string;
	ficheStatus: string | null;
	decision: Decision | null;
	explanation: string;
	decidedAt: string | null;
}

export interface TracedContribution {
	id: number;
	text: string;
	createdAt: string;
	origin: string | null;
	state: ContributionState;
	merged: boolean;
	links: TracedLink[];
}

async function trace(db: Executor, ids: number[]): Promise<TracedContribution[]> {
	if (!ids.length) return [];
	const rows = await db
		.selectFrom('contribution as c')
		.leftJoin('contribution as kept', 'kept.id', 'c.merged_into_id')
		.leftJoin('consultation', 'consultation.id', 'c.consultation_id')
		.leftJoin('event', 'event.id', 'c.event_id')
		.select([
			'c.id',
			'c.text',
			'c.public_text',
			'c.created_at',
			'c.triage_state',
			'c.merged_into_id',
			'kept.triage_state as kept_state',
			'consultation.title as consultation_title',
			'event.title as event_title'
		])
		.where('c.id', 'in', ids)
		.orderBy('c.created_at')
		.orderBy('c.id')
		.execute();
	// A merged contribution follows the decisions of the one it was merged into.
	const followed = rows.map((r) => r.merged_into_id ?? r.id);
	const links = await db
		.selectFrom('contribution_link')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.select([
			'contribution_link.contribution_id',
			'contribution_link.decision',
			'contribution_link.explanation',
			'contribution_link.decided_at',
			'fiche.ref',
			'fiche.title',
			'fiche.status'
		])
		.where('contribution_link.contribution_id', 'in', followed)
		.orderBy('fiche.ref')
		.execute();
	return rows.map((r, i) => ({
		id: r.id,
		text: r.public_text ?? r.text,
		createdAt: r.created_at,
		origin: r.consultation_title ?? r.event_title,
		state: r.kept_state ?? r.triage_state,
		merged: r.merged_into_id !== null,
		links: links
			.filter((l) => l.contribution_id === followed[i])
			.map((l) => ({
				ref: l.ref,
				title: l.title,
				ficheStatus: l.status,
				decision: l.decision,
				explanation: l.explanation,
				decidedAt: l.decided_at
			}))
	}));
}

/** The contributions behind a receipt code: a consultation response's, or a message's. */
export async function followByReceipt(
	db: Db,
	code: string,
	clientAddress: string
): Promise<{ code: string; contributions: TracedContribution[] }> {
	return limitFailures(db, codeLimits(clientAddress), async () => {
		const normalised = normaliseCode(code);
		if (!normalised)
			throw new InvalidInputError(
				'Un code de suivi a 8 caractères, par exemple K7PM-2QXR.',
				'code'
			);
		const response = await db
			.selectFrom('response')
			.select('id')
			.where('receipt_code', '=', normalised)
			.where('status', '=', 'envoyee')
			.executeTakeFirst();
		const ids = response
			? (
					await db
						.selectFrom('contribution')
						.select('id')
						.where('response_id', '=', response.id)
						.execute()
				).map((c) => c.id)
			: (
					await db
						.selectFrom('contribution')
						.select('id')
						.where('receipt_code', '=', normalised)
						.execute()
				).map((c) => c.id);
		if (!response && !ids.length)
			throw new NotFoundError(
				'Aucune contribution ne porte ce code. Vérifiez-le, lettre par lettre.'
			);
		return { code: normalised, contributions: await trace(db, ids) };
	});
}

/** Everything a signed-in person said: their messages and their members' answers. */
export async function myContributions(db: Db, actor: Actor): Promise<TracedContribution[]> {
	const rows = await db
		.selectFrom('contribution')
		.leftJoin('response', 'response.id', 'contribution.response_id')
		.select('contribution.id')
		.where((eb) =>
			eb.or([
				eb('contribution.author_user_id', '=', actor.id),
				eb('response.respondent_user_id', '=', actor.id)
			])
		)
		.execute();
	return trace(
		db,
		rows.map((r) => r.id)
	);
}

export interface FicheContribution {
	text: string;
	createdAt: string;
	origin: string | null;
	decision: Decision | null;
	explanation: string;
}

/** « Ce que vous nous avez dit » on a fiche's page: what officers have read, with its decision. */
export async function ficheContributions(db: Db, ficheRef: string): Promise<FicheContribution[]> {
	const rows = await db
		.selectFrom('contribution_link')
		.innerJoin('contribution as c', 'c.id', 'contribution_link.contribution_id')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.leftJoin('consultation', 'consultation.id', 'c.consultation_id')
		.leftJoin('event', 'event.id', 'c.event_id')
		.select([
			'c.text',
			'c.public_text',
			'c.created_at',
			'consultation.title as consultation_title',
			'event.title as event_title',
			'contribution_link.decision',
			'contribution_link.explanation'
		])
		.where('fiche.ref', '=', ficheRef)
		.where('c.merged_into_id', 'is', null)
		// Shown once an officer has read it (messages arrive « nouvelle »).
		.where('c.triage_state', '!=', 'nouvelle')
		.orderBy('contribution_link.decided_at', 'desc')
		.orderBy('c.created_at', 'desc')
		.limit(200)
		.execute();
	return rows.map((r) => ({
		text: r.public_text ?? r.text,
		createdAt: r.created_at,
		origin: r.consultation_title ?? r.event_title,
		decision: r.decision,
		explanation: r.explanation
	}));
}

export const ficheMessageSchema = z
	.object({
		text: z
			.string()
			.trim()
			.min(10, 'Écrivez votre idée ou votre remarque (10 caractères au moins).')
			.max(3000, '3 000 caractères au plus.'),
		name: z.string().trim().max(120, '120 caractères au plus.').default(''),
		email: optionalEmailField,
		contactConsent: z.boolean().default(false)
	})
	.refine((m) => !m.contactConsent || m.email, {
		message: 'Pour être prévenu·e, donnez votre adresse e-mail.',
		path: ['email']
	});
export type FicheMessageInput = z.infer<typeof ficheMessageSchema>;

/** A message left on a fiche's page: a contribution already linked to it, with a receipt code. */
export async function leaveMessageOnFiche(
	{ db, submissionsPerHour }: Pick<Context, 'db' | 'submissionsPerHour'>,
	actor: Actor | null,
	ficheRef: string,
	input: FicheMessageInput,
	clientAddress: string
): Promise<{ receiptCode: string }> {
	const fiche = await db
		.selectFrom('fiche')
		.select(['id', 'territory_id'])
		.where('ref', '=', ficheRef)
		.executeTakeFirst();
	if (!fiche) throw new NotFoundError('Fiche-action introuvable.');
	await consumeRateLimit(db, `fiche-message:${clientAddress}`, {
		limit: submissionsPerHour,
		windowSeconds: 3600
	});
	const receiptCode = await db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const { id, receiptCode } = await withFreshCode(tx, generateReadableCode, (code) =>
			tx
				.insertInto('contribution')
				.values({
					source: 'fiche',
					text: input.text,
					search_text: foldForSearch(input.text),
					territory_id: fiche.territory_id,
					author_user_id: actor?.id ?? null,
					author_name: input.name || null,
					contact_email: input.email || null,
					contact_consent: toDbBool(input.contactConsent),
					receipt_code: code,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
				.then(({ id }) => ({ id, receiptCode: code }))
		);
		await tx
			.insertInto('contribution_link')
			.values({ contribution_id: id, fiche_id: fiche.id, linked_by: null, linked_at: now })
			.execute();
		if (input.contactConsent && input.email) await subscribeContact(tx, input.email);
		await recordAudit(tx, {
			actor,
			action: 'contribution.message',
			entityType: 'contribution',
			entityId: id,
			after: { fiche: ficheRef }
		});
		return receiptCode;
	});
	return { receiptCode };
}
