import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { HONEYPOT_FIELD, postedTexts, refusal } from '$lib/server/web/forms';
import { getPublicConsultation } from '$lib/server/consultations/public';
import { readDraftCookie } from '$lib/server/web/draft-cookie';
import {
	listCommuneChoices,
	listCommuneCodes,
	loadQuestionnaire
} from '$lib/server/consultations/queries';
import {
	createResumeCode,
	getDraft,
	saveSection,
	stepsOf,
	submitResponse
} from '$lib/server/consultations/responding';
import {
	questionsToShow,
	respondentNumbers,
	stepAt,
	stepState
} from '$lib/server/consultations/steps';
import { sectionView } from '$lib/server/consultations/view';

async function context(slug: string, cookies: import('@sveltejs/kit').Cookies) {
	const db = getDb();
	const consultation = await orHttpError(getPublicConsultation(db, slug));
	const token = readDraftCookie(cookies, consultation);
	const draft = await getDraft(db, consultation, token);
	const base = `/consultations/${consultation.slug}`;
	if (!draft) redirect(303, base);
	if (draft.status === 'envoyee') redirect(303, `${base}/merci`);
	if (consultation.status !== 'ouverte') redirect(303, base);
	const questionnaire = await loadQuestionnaire(db, consultation.id);
	return { db, consultation, token, draft, questionnaire, base };
}

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const { db, consultation, draft, questionnaire, base } = await context(params.slug, cookies);
	const position = stepAt(questionnaire, draft.answers, params.step);
	if (!position) redirect(303, `${base}/etape/1`);
	const { raw, errors } = stepState(
		questionnaire,
		draft.answers,
		position.section,
		url.searchParams.has('verifier')
	);
	const needsCommunes = position.section.questions.some((q) => q.kind === 'commune');
	return {
		consultation: { slug: consultation.slug, title: consultation.title },
		section: sectionView(
			questionsToShow(questionnaire, draft.answers, position.section),
			questionnaire,
			respondentNumbers(questionnaire, draft.answers)
		),
		step: position.index + 1,
		resumed: url.searchParams.has('repris'),
		stepCount: position.steps.length,
		raw,
		errors,
		communes: needsCommunes ? await listCommuneChoices(db) : []
	};
};

export const actions: Actions = {
	default: async ({ params, cookies, request, locals, getClientAddress }) => {
		const { db, consultation, token, draft, questionnaire, base } = await context(
			params.slug,
			cookies
		);
		const position = stepAt(questionnaire, draft.answers, params.step);
		if (!position) redirect(303, `${base}/etape/1`);
		// The answers' fields are the questionnaire's: the answers module reads them.
		const data = await request.formData();
		const { intent, [HONEYPOT_FIELD]: trap } = postedTexts(data, ['intent', HONEYPOT_FIELD]);
		if (trap)
			return fail(400, { error: 'Votre envoi n’a pas pu être accepté.', raw: {}, errors: {} });
		const communes = position.section.questions.some((q) => q.kind === 'commune')
			? await listCommuneCodes(db)
			: new Set<string>();
		const forward = intent === '' || intent === 'suivant' || intent === 'envoyer';
		let saved;
		try {
			saved = await saveSection(
				db,
				consultation,
				questionnaire,
				token,
				position.section,
				data,
				communes,
				forward
			);
		} catch (caught) {
			return refusal(caught, { raw: {}, errors: {} });
		}
		const hasErrors = Object.keys(saved.errors).length > 0;
		if (intent === 'precedent') redirect(303, `${base}/etape/${Math.max(1, position.index)}`);
		if (intent === 'pause') {
			const resumeCode = await createResumeCode(db, consultation, token);
			return { resumeCode, raw: saved.raw, errors: saved.errors };
		}
		if (hasErrors) return fail(400, { raw: saved.raw, errors: saved.errors });
		const steps = stepsOf(questionnaire, saved.answersSoFar);
		const index = steps.findIndex((s) => s.id === position.section.id);
		if (index < steps.length - 1) redirect(303, `${base}/etape/${index + 2}`);

		let outcome;
		try {
			outcome = await submitResponse(
				locals.ctx,
				consultation,
				questionnaire,
				token,
				locals.actor,
				getClientAddress()
			);
		} catch (caught) {
			return refusal(caught, { raw: saved.raw, errors: {} });
		}
		if (!outcome.ok) {
			const at = steps.findIndex((s) => s.id === outcome.sectionId);
			redirect(303, `${base}/etape/${at + 1}?verifier`);
		}
		redirect(303, `${base}/merci`);
	}
};
