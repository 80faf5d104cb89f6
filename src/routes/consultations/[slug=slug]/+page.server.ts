import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { renderMarkdown } from '$lib/server/markdown';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal } from '$lib/server/web/forms';
import { getPublicConsultation, linkedFiches } from '$lib/server/consultations/public';
import { readDraftCookie, setDraftCookie } from '$lib/server/web/draft-cookie';
import {
	getDraft,
	hasAlreadyAnswered,
	refusalReason,
	resumeWithCode,
	startResponse
} from '$lib/server/consultations/responding';
import { AUDIENCE_LABELS } from '$lib/consultation-vocabulary';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { firstUnansweredStep } from '$lib/server/consultations/steps';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
	const db = getDb();
	const consultation = await orHttpError(getPublicConsultation(db, params.slug));
	const draft = await getDraft(db, consultation, readDraftCookie(cookies, consultation));
	return {
		consultation: {
			slug: consultation.slug,
			title: consultation.title,
			status: consultation.status,
			access: consultation.access,
			identity: consultation.identity,
			opensAt: consultation.opensAt,
			closesAt: consultation.closesAt,
			falcSummary: consultation.falcSummary,
			presentationHtml: renderMarkdown(consultation.presentation),
			audiences: consultation.audiences.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))
		},
		fiches: await linkedFiches(db, consultation.id),
		refusal: refusalReason(consultation, locals.actor),
		alreadyAnswered: await hasAlreadyAnswered(db, consultation, locals.actor),
		draftStatus: draft?.status ?? null,
		signedIn: locals.actor !== null
	};
};

const startSchema = z.object({
	audience: z.string().default(''),
	invitationCode: z.string().default('')
});
const resumeSchema = z.object({ resumeCode: z.string().default('') });

export const actions: Actions = {
	start: async ({ request, params, locals, cookies, url, getClientAddress }) => {
		const db = getDb();
		const consultation = await orHttpError(getPublicConsultation(db, params.slug));
		const posted = await readPosted(request, startSchema, {
			honeypot: true,
			answer: (values) => ({
				action: 'start',
				values: {
					audience: String(values.audience ?? ''),
					invitationCode: String(values.invitationCode ?? ''),
					resumeCode: ''
				}
			})
		});
		if (!posted.ok) return posted.failure;
		const values = { ...posted.data, resumeCode: '' };
		let token: string;
		try {
			token = await startResponse(locals.ctx, consultation, locals.actor, {
				audience: values.audience,
				invitationCode: values.invitationCode,
				clientAddress: getClientAddress()
			});
		} catch (caught) {
			return refusal(caught, { action: 'start', values });
		}
		setDraftCookie(cookies, url, consultation, token);
		redirect(303, `/consultations/${consultation.slug}/etape/1`);
	},
	resume: async ({ request, params, cookies, url, getClientAddress }) => {
		const db = getDb();
		const consultation = await orHttpError(getPublicConsultation(db, params.slug));
		const posted = await readPosted(request, resumeSchema);
		if (!posted.ok) return posted.failure;
		const code = posted.data.resumeCode;
		let token: string;
		try {
			token = await resumeWithCode(db, consultation, code, getClientAddress());
		} catch (caught) {
			return refusal(caught, {
				action: 'resume',
				values: { audience: '', invitationCode: '', resumeCode: code }
			});
		}
		setDraftCookie(cookies, url, consultation, token);
		const draft = await getDraft(db, consultation, token);
		const step = firstUnansweredStep(
			await loadQuestionnaire(db, consultation.id),
			draft?.answers ?? {}
		);
		redirect(303, `/consultations/${consultation.slug}/etape/${step}?repris`);
	}
};
