import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/web/guards';
import { siteFormOptions, submitSite, type SiteFormValues } from '$lib/server/web/site-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	const values: SiteFormValues = {
		name: '',
		kind: 'antenne',
		communeInseeCode: '',
		address: '',
		directions: '',
		note: '',
		active: true
	};
	return { values, ...(await siteFormOptions(actor)) };
};

export const actions: Actions = { default: (event) => submitSite(event, null) };
