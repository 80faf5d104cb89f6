import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getCampaign, publishCampaign, validateReview } from '$lib/server/fiches/reviews';
import { parseYear } from '$lib/server/web/params';
import { attemptAction, orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return await orHttpError(getCampaign(getDb(), actor, parseYear(params.year)));
};

export const actions: Actions = {
	validate: async ({ request, locals, params }) => {
		const ref = String((await request.formData()).get('ref') ?? '');
		return attemptAction('validate', async () => {
			await validateReview(getDb(), locals.actor, parseYear(params.year), ref);
			return `Le bilan de ${ref} est validé.`;
		});
	},
	publish: async ({ locals, params }) =>
		attemptAction('publish', async () => {
			await publishCampaign(getDb(), locals.actor, parseYear(params.year));
			return `Le bilan ${params.year} est publié.`;
		})
};
