import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { consultationSchema } from '$lib/server/consultations/schemas';
import { createConsultation } from '$lib/server/consultations/builder';
import { axisOptions } from '$lib/server/consultations/admin-page';
import { failForm } from '$lib/server/http';
import { toParisLocalInput } from '$lib/paris-time';

const adapter = zod4(consultationSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'consultations.manage');
	const day = 24 * 3600 * 1000;
	const start = new Date(Math.ceil(Date.now() / day) * day + 7 * day);
	return {
		axes: await axisOptions(getDb()),
		form: await superValidate(
			{
				opensAt: toParisLocalInput(start),
				closesAt: toParisLocalInput(new Date(start.getTime() + 21 * day)),
				audiences: ['habitants'],
				access: 'public',
				identity: 'anonymous'
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
			id = await createConsultation(getDb(), locals.actor, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		redirect(303, `/admin/consultations/${id}/questionnaire`);
	}
};
