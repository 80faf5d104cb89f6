import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { renderMarkdown } from '$lib/server/markdown';
import { failPlain, orHttpError } from '$lib/server/web/http';
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

function field(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

export const actions: Actions = {
	start: async ({ request, params, locals, cookies, url, getClientAddress }) => {
		const db = getDb();
		const consultation = await orHttpError(getPublicConsultation(db, params.slug));
		const data = await request.formData();
		const values = {
			audience: field(data, 'audience'),
			invitationCode: field(data, 'invitationCode'),
			resumeCode: ''
		};
		// A field people never see: robots fill it, people do not.
		if (field(data, 'site_web'))
			return fail(400, { action: 'start', error: 'Votre envoi n’a pas pu être accepté.', values });
		let token: string;
		try {
			token = await startResponse(locals.ctx, consultation, locals.actor, {
				audience: values.audience,
				invitationCode: values.invitationCode,
				clientAddress: getClientAddress()
			});
		} catch (caught) {
			return failPlain(caught, { action: 'start', values });
		}
		setDraftCookie(cookies, url, consultation, token);
		redirect(303, `/consultations/${consultation.slug}/etape/1`);
	},
	resume: async ({ request, params, cookies, url, getClientAddress }) => {
		const db = getDb();
		const consultation = await orHttpError(getPublicConsultation(db, params.slug));
		const code = field(await request.formData(), 'resumeCode');
		let token: string;
		try {
			token = await resumeWithCode(db, consultation, code, getClientAddress());
		} catch (caught) {
			return failPlain(caught, {
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
