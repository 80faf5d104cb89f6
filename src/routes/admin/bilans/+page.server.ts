import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { listCampaigns, openCampaign, openCampaignSchema } from '$lib/server/fiches/reviews';
import { failForm, orHttpError } from '$lib/server/web/http';

const adapter = zod4(openCampaignSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return {
		campaigns: await orHttpError(listCampaigns(getDb(), actor)),
		canManage: can(actor, 'reviews.manage'),
		form: await superValidate({ year: new Date().getFullYear() }, adapter, { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		try {
			await openCampaign(getDb(), locals.actor, form.data.year);
		} catch (caught) {
			return failForm(form, caught);
		}
		redirect(303, `/admin/bilans/${form.data.year}`);
	}
};
