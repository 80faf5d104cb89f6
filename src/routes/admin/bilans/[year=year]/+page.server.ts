import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { getCampaign, publishCampaign, validateReview } from '$lib/server/fiches/reviews';
import { parseYear } from '$lib/server/fiches/year-param';
import { DomainError } from '$lib/server/errors';
import { orHttpError } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return await orHttpError(getCampaign(getDb(), actor, parseYear(params.year)));
};

async function attempt(work: () => Promise<void>, success: string) {
	try {
		await work();
	} catch (caught) {
		if (caught instanceof DomainError)
			return fail(caught.status, { error: caught.message, success: null });
		throw caught;
	}
	return { error: null, success };
}

export const actions: Actions = {
	validate: async ({ request, locals, params }) => {
		const ref = String((await request.formData()).get('ref') ?? '');
		return attempt(
			() => validateReview(getDb(), locals.actor, parseYear(params.year), ref),
			`Le bilan de ${ref} est validé.`
		);
	},
	publish: async ({ locals, params }) =>
		attempt(
			() => publishCampaign(getDb(), locals.actor, parseYear(params.year)),
			`Le bilan ${params.year} est publié.`
		)
};
