import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal } from '$lib/server/web/forms';
import { getPublicConsultation } from '$lib/server/consultations/public';
import { readDraftCookie } from '$lib/server/web/draft-cookie';
import { getDraft } from '$lib/server/consultations/responding';
import {
	RETOUR_REQUEST_CONSENT,
	requestRetour,
	retourRequestChecks,
	retourRequestSchema
} from '$lib/server/retours/delivery';

async function submitted(slug: string, cookies: Parameters<PageServerLoad>[0]['cookies']) {
	const db = getDb();
	const consultation = await orHttpError(getPublicConsultation(db, slug));
	const draft = await getDraft(db, consultation, readDraftCookie(cookies, consultation));
	if (draft?.status !== 'envoyee' || !draft.receiptCode)
		redirect(303, `/consultations/${consultation.slug}`);
	return { consultation, receiptCode: draft.receiptCode, responseId: draft.responseId };
}

export const load: PageServerLoad = async ({ params, cookies }) => {
	const { consultation, receiptCode } = await submitted(params.slug, cookies);
	return {
		consultation: { slug: consultation.slug, title: consultation.title },
		receiptCode,
		retourConsent: RETOUR_REQUEST_CONSENT.text
	};
};

export const actions: Actions = {
	retour: async ({ request, params, cookies, locals, getClientAddress }) => {
		const { consultation, responseId } = await submitted(params.slug, cookies);
		const posted = await readPosted(request, retourRequestSchema, {
			alsoCheck: retourRequestChecks
		});
		if (!posted.ok) return posted.failure;
		try {
			await requestRetour(locals.ctx, consultation.id, posted.data, {
				clientAddress: getClientAddress(),
				responseId
			});
			return { requested: true };
		} catch (caught) {
			return refusal(caught, { values: posted.values, errors: {} as Record<string, string> });
		}
	}
};
