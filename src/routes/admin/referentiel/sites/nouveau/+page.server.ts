import { superValidate } from 'sveltekit-superforms';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/web/guards';
import { siteAdapter, siteFormOptions, submitSite } from '$lib/server/web/site-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	return {
		form: await superValidate({ kind: 'antenne', active: true }, siteAdapter, { errors: false }),
		...(await siteFormOptions(actor))
	};
};

export const actions: Actions = { default: (event) => submitSite(event, null) };
