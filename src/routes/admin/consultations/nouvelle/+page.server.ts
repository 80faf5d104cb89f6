import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { consultationSchema, type ConsultationInput } from '$lib/server/consultations/schemas';
import { createConsultation } from '$lib/server/consultations/builder';
import { axisOptions } from '$lib/server/consultations/admin-page';
import { handleForm } from '$lib/server/web/forms';
import { parisDayAt, toParisLocalInput } from '$lib/paris-time';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'consultations.manage');
	const now = locals.ctx.clock.now();
	const values: ConsultationInput = {
		title: '',
		slug: '',
		presentation: '',
		falcSummary: '',
		// From the start of a day next week to the end of the day three weeks later.
		opensAt: toParisLocalInput(parisDayAt(now, 7, '00:00')),
		closesAt: toParisLocalInput(parisDayAt(now, 28, '23:59')),
		audiences: ['habitants'],
		access: 'public',
		identity: 'anonyme',
		axes: [],
		ficheRefs: ''
	};
	return { axes: await axisOptions(getDb(), locals.actor), values };
};

export const actions: Actions = {
	default: ({ request, locals }) =>
		handleForm(request, consultationSchema, async (consultation) => {
			const id = await createConsultation(getDb(), locals.actor, consultation);
			redirect(303, `/admin/consultations/${id}/questionnaire`);
		})
};
