import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { consultationSchema, readConsultationForm } from '$lib/server/consultations/schemas';
import { createConsultation } from '$lib/server/consultations/builder';
import { axisOptions } from '$lib/server/consultations/admin-page';
import { failForm } from '$lib/server/web/http';
import { parisDayAt, toParisLocalInput } from '$lib/paris-time';

const adapter = zod4(consultationSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'consultations.manage');
	const now = new Date();
	return {
		axes: await axisOptions(getDb(), locals.actor),
		form: await superValidate(
			{
				// From the start of a day next week to the end of the day three weeks later.
				opensAt: toParisLocalInput(parisDayAt(now, 7, '00:00')),
				closesAt: toParisLocalInput(parisDayAt(now, 28, '23:59')),
				audiences: ['habitants'],
				access: 'public',
				identity: 'anonyme'
			},
			adapter,
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		let id: number;
		try {
			id = await createConsultation(getDb(), locals.actor, readConsultationForm(form.data));
		} catch (caught) {
			return failForm(form, caught);
		}
		redirect(303, `/admin/consultations/${id}/questionnaire`);
	}
};
