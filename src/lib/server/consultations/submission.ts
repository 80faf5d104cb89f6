// Turning a complete draft into a submitted response: normalised answer
// rows, the profile used for breakdowns, a receipt code, and a contribution
// for every free-text answer.
import type { Tx } from '../db/database';
import { nowForDb } from '../db/codecs';
import { AGE_BANDS, TEXT_KINDS } from '$lib/consultation-vocabulary';
import { generateReadableCode } from './codes';
import { withFreshCode } from '../db/concurrency';
import { foldForSearch } from '../text';
import { allQuestions, type Consultation, type Questionnaire } from './model';
import { keepVisible, toAnswerRows, type Answers } from './answers';
import { tallyResponse } from './tallies';

const INSERT_CHUNK = 1000;

export interface ResponseProfile {
	communeInseeCode: string | null;
	ageBand: string | null;
}

/** The standard profile block's answers, kept on the response for breakdowns. */
export function profileOf(questionnaire: Questionnaire, answers: Answers): ResponseProfile {
	const profile: ResponseProfile = { communeInseeCode: null, ageBand: null };
	for (const question of allQuestions(questionnaire)) {
		const answer = answers[question.id];
		if (!answer) continue;
		if (question.profileKey === 'commune' && answer.text) profile.communeInseeCode = answer.text;
		if (question.profileKey === 'age_band' && answer.options?.length) {
			const label = question.options.find((o) => o.id === answer.options![0])?.label;
			profile.ageBand = AGE_BANDS.find((band) => band.label === label)?.code ?? null;
		}
	}
	return profile;
}

export interface FinaliseInput {
	responseId: number;
	answers: Answers;
	participantUserId: number | null;
	/** Where the interview took place, when no profile answer says where the person lives. */
	fallbackCommuneInseeCode?: string | null;
}

/** Returns the receipt code, or null when the response was already submitted. */
export async function finaliseResponse(
	tx: Tx,
	consultation: Consultation,
	questionnaire: Questionnaire,
	input: FinaliseInput
): Promise<string | null> {
	const answers = keepVisible(questionnaire, input.answers);
	const profile = profileOf(questionnaire, answers);
	const communeCode = profile.communeInseeCode ?? input.fallbackCommuneInseeCode ?? null;
	const commune = communeCode
		? await tx
				.selectFrom('commune')
				.select(['insee_code', 'territory_id'])
				.where('insee_code', '=', communeCode)
				.executeTakeFirst()
		: undefined;
	const now = nowForDb();
	// A conditional update: of two submissions of one draft at once (a double
	// click), the second waits for the first's row lock, then finds the draft
	// sent and writes nothing.
	const { receiptCode, updated } = await withFreshCode(tx, generateReadableCode, async (code) => {
		const result = await tx
			.updateTable('response')
			.set({
				status: 'envoyee',
				receipt_code: code,
				submitted_at: now,
				updated_at: now,
				draft: null,
				resume_code_hash: null,
				commune_insee_code: commune?.insee_code ?? null,
				territory_id: commune?.territory_id ?? null,
				age_band: profile.ageBand
			})
			.where('id', '=', input.responseId)
			.where('status', '=', 'brouillon')
			.executeTakeFirst();
		return { receiptCode: code, updated: Number(result.numUpdatedRows) };
	});
	if (updated === 0) return null;

	const rows = toAnswerRows(questionnaire, answers).map((row) => ({
		...row,
		response_id: input.responseId
	}));
	for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
		await tx
			.insertInto('answer')
			.values(rows.slice(i, i + INSERT_CHUNK))
			.execute();
	}
	await tallyResponse(tx, input.responseId);

	const freeTexts = allQuestions(questionnaire).filter(
		(q) => TEXT_KINDS.includes(q.kind) && !q.profileKey && answers[q.id]?.text
	);
	if (freeTexts.length > 0) {
		await tx
			.insertInto('contribution')
			.values(
				freeTexts.map((question) => ({
					source: 'consultation',
					consultation_id: consultation.id,
					response_id: input.responseId,
					question_id: question.id,
					text: answers[question.id].text!,
					commune_insee_code: commune?.insee_code ?? null,
					territory_id: commune?.territory_id ?? null,
					search_text: foldForSearch(answers[question.id].text!),
					created_at: now
				}))
			)
			.execute();
	}

	await tx
		.updateTable('invitation_code')
		.set({ used_at: now })
		.where(
			'id',
			'=',
			tx.selectFrom('response').select('invitation_code_id').where('id', '=', input.responseId)
		)
		.execute();
	if (input.participantUserId !== null) {
		await tx
			.insertInto('consultation_participation')
			.values({
				consultation_id: consultation.id,
				user_id: input.participantUserId,
				answered_at: now
			})
			.execute();
	}
	return receiptCode;
}
