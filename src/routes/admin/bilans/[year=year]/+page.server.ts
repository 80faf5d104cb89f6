import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getCampaign, publishCampaign, validateReview } from '$lib/server/fiches/reviews';
import { parseYear } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return await orHttpError(getCampaign(getDb(), actor, parseYear(params.year)));
};

export const actions: Actions = {
	validate: ({ request, locals, params }) =>
		handleForm(
			request,
			z.object({ ref: z.string().default('') }),
			async ({ ref }) => {
				await validateReview(getDb(), locals.actor, parseYear(params.year), ref);
				return `Le bilan de ${ref} est validé.`;
			},
			{ form: 'validate' }
		),
	publish: ({ request, locals, params }) =>
		handleForm(
			request,
			noFields,
			async () => {
				await publishCampaign(getDb(), locals.actor, parseYear(params.year));
				return `Le bilan ${params.year} est publié.`;
			},
			{ form: 'publish' }
		)
};
