import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { listCampaigns, openCampaign, openCampaignSchema } from '$lib/server/fiches/reviews';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return {
		campaigns: await orHttpError(listCampaigns(getDb(), actor)),
		canManage: can(actor, 'reviews.manage'),
		values: { year: String(locals.ctx.clock.now().getFullYear()) }
	};
};

export const actions: Actions = {
	default: ({ request, locals }) =>
		handleForm(request, openCampaignSchema, async ({ year }) => {
			await openCampaign(getDb(), locals.actor, year);
			redirect(303, `/admin/bilans/${year}`);
		})
};
