// Entry by agents: a phone call, a paper form or a field interview typed in
// on one screen, with the channel, the agent, and for interviews the place.
import { oneOf } from '$lib/codes';
import { z } from 'zod';
import type { Db } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { ForbiddenError } from '../errors';
import { allQuestions, type Consultation, type Questionnaire } from './model';
import {
	missingRequired,
	readAnswers,
	visibleQuestionIds,
	type FieldErrors,
	type FormSource,
	type RawValues
} from './answers';
import { finaliseResponse } from './submission';
import { isIsoDate } from './answers';

export const ENTRY_CHANNELS = ['telephone', 'papier', 'terrain'] as const;

export const entryMetaSchema = z
	.object({
		channel: z.enum(ENTRY_CHANNELS, { error: 'Choisissez comment la réponse a été recueillie.' }),
		submissionKey: z.string().regex(/^[a-z0-9]{16,64}$/, 'Formulaire expiré : rechargez la page.'),
		audience: z.string().max(40).default(''),
		interviewPlace: z.string().trim().max(200, '200 caractères au plus.').default(''),
		interviewCommune: z.string().trim().max(10).default(''),
		interviewDate: z
			.string()
			.trim()
			.refine((v) => v === '' || isIsoDate(v), 'Écrivez une date valide.')
			.default(''),
		tourStopId: z
			.string()
			.regex(/^\d{0,9}$/, 'Étape de tournée inconnue.')
			.default('')
	})
	.superRefine((meta, ctx) => {
		if (meta.channel !== 'terrain') return;
		if (!meta.interviewPlace)
			ctx.addIssue({
				code: 'custom',
				path: ['interviewPlace'],
				message: 'Indiquez le lieu de l’entretien.'
			});
		if (!meta.interviewDate)
			ctx.addIssue({
				code: 'custom',
				path: ['interviewDate'],
				message: 'Indiquez la date de l’entretien.'
			});
		if (!meta.interviewCommune)
			ctx.addIssue({
				code: 'custom',
				path: ['interviewCommune'],
				message: 'Indiquez la commune de l’entretien.'
			});
	});
export type EntryMeta = z.infer<typeof entryMetaSchema>;

export type EntryOutcome =
	| { ok: true; receiptCode: string; duplicate: boolean }
	| { ok: false; errors: FieldErrors; metaErrors: Record<string, string>; raw: RawValues };

export function readEntryMeta(form: FormSource) {
	const value = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : undefined;
	};
	return entryMetaSchema.safeParse({
		channel: value('channel'),
		submissionKey: value('submissionKey'),
		audience: value('audience'),
		interviewPlace: value('interviewPlace'),
		interviewCommune: value('interviewCommune'),
		interviewDate: value('interviewDate'),
		tourStopId: value('tourStopId')
	});
}

/** Records one response typed in by an agent; the same form sent twice records it once. */
export async function enterResponse(
	db: Db,
	actor: Actor | null,
	consultation: Consultation,
	questionnaire: Questionnaire,
	form: FormSource,
	communeCodes: ReadonlySet<string>
): Promise<EntryOutcome> {
	assertCan(actor, 'consultations.enter');
	if (consultation.status === 'brouillon')
		throw new ForbiddenError('Publiez la consultation avant d’y saisir des réponses.');
	const questions = allQuestions(questionnaire);
	const reading = readAnswers(questions, form, communeCodes);
	const meta = readEntryMeta(form);
	const metaErrors: Record<string, string> = {};
	if (!meta.success) {
		for (const issue of meta.error.issues) metaErrors[String(issue.path[0])] ??= issue.message;
	} else {
		if (meta.data.interviewCommune && !communeCodes.has(meta.data.interviewCommune))
			metaErrors.interviewCommune = 'Choisissez une commune de la liste.';
		if (
			meta.data.tourStopId &&
			!(await db
				.selectFrom('tour_stop')
				.select('id')
				.where('id', '=', Number(meta.data.tourStopId))
				.executeTakeFirst())
		)
			metaErrors.tourStopId = 'Étape de tournée inconnue.';
	}
	const visible = visibleQuestionIds(questionnaire, reading.answers);
	const errors = { ...missingRequired(questions, reading.answers, visible), ...reading.errors };
	if (!meta.success || Object.keys(metaErrors).length || Object.keys(errors).length)
		return { ok: false, errors, metaErrors, raw: reading.raw };

	const { data } = meta;
	const audience =
		oneOf(consultation.audiences, data.audience) ?? consultation.audiences[0] ?? null;
	return db.transaction().execute(async (tx) => {
		const now = nowForDb();
		// The form's key is unique: of the same form sent twice at once, the
		// second insert waits for the first and writes nothing (no check
		// beforehand could see a transaction not yet committed).
		const inserted = await tx
			.insertInto('response')
			.values({
				consultation_id: consultation.id,
				status: 'brouillon',
				channel: data.channel,
				audience,
				submission_key: data.submissionKey,
				entered_by_user_id: actor.id,
				entered_by_label: actor.displayName,
				interview_place: data.interviewPlace || null,
				interview_date: data.interviewDate || null,
				interview_commune_insee_code: data.interviewCommune || null,
				tour_stop_id: data.tourStopId ? Number(data.tourStopId) : null,
				started_at: now,
				updated_at: now
			})
			.onConflict((oc) => oc.column('submission_key').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!inserted) {
			const first = await tx
				.selectFrom('response')
				.select('receipt_code')
				.where('submission_key', '=', data.submissionKey)
				.executeTakeFirstOrThrow();
			return { ok: true as const, receiptCode: first.receipt_code!, duplicate: true };
		}
		const receiptCode = await finaliseResponse(tx, consultation, questionnaire, {
			responseId: inserted.id,
			answers: reading.answers,
			participantUserId: null,
			fallbackCommuneInseeCode: data.interviewCommune || null
		});
		return { ok: true as const, receiptCode: receiptCode!, duplicate: false };
	});
}
