import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/forms';
import { getPublicConsultation } from '$lib/server/consultations/public';
import { readDraftCookie } from '$lib/server/web/draft-cookie';
import { getDraft } from '$lib/server/consultations/responding';
import {
	RETOUR_REQUEST_CONSENT,
	requestRetour,
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
		const data = await request.formData();
		const text = (key: string) => {
			const value = data.get(key);
			return typeof value === 'string' ? value : '';
		};
		const values = {
			name: text('name'),
			email: text('email'),
			postalAddress: text('postalAddress')
		};
		const parsed = readForm(
			retourRequestSchema,
			{
				...values,
				falc: data.get('falc') === 'on',
				notify: data.get('notify') === 'on',
				consent: data.get('consent') === 'on'
			},
			(): Record<string, string> =>
				!values.email.trim() && !values.postalAddress.trim()
					? { email: 'Donnez une adresse e-mail ou une adresse postale.' }
					: !values.email.trim() && data.get('notify') === 'on'
						? { email: 'Pour être prévenu·e de chaque décision, donnez votre adresse e-mail.' }
						: {}
		);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			await requestRetour(locals.ctx, consultation.id, parsed.data, {
				clientAddress: getClientAddress(),
				responseId
			});
			return { requested: true };
		} catch (caught) {
			return failPlain(caught, { values, errors: {} as Record<string, string> });
		}
	}
};
