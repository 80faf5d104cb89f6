import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/http';
import { getPublicConsultation, readDraftCookie } from '$lib/server/consultations/public';
import { getDraft } from '$lib/server/consultations/responding';

export const load: PageServerLoad = async ({ params, cookies }) => {
	const db = getDb();
	const consultation = await orHttpError(getPublicConsultation(db, params.slug));
	const draft = await getDraft(db, consultation, readDraftCookie(cookies, consultation));
	if (draft?.status !== 'submitted' || !draft.receiptCode)
		redirect(303, `/consultations/${consultation.slug}`);
	return {
		consultation: { slug: consultation.slug, title: consultation.title },
		receiptCode: draft.receiptCode
	};
};
