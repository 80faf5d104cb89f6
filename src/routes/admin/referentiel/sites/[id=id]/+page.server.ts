import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getReferenceOverview } from '$lib/server/reference/service';
import { siteFormOptions, submitSite, type SiteFormValues } from '$lib/server/web/site-form';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	const id = idParam(params.id);
	const { sites } = await orHttpError(getReferenceOverview(getDb(), actor));
	const site = sites.find((s) => s.id === id);
	if (!site) error(404, { message: 'Ce lieu n’existe pas.' });
	const values: SiteFormValues = {
		name: site.name,
		kind: site.kind,
		communeInseeCode: site.communeInseeCode ?? '',
		address: site.address ?? '',
		directions: site.directions ?? '',
		note: site.note ?? '',
		active: site.active
	};
	return { site, values, ...(await siteFormOptions(actor)) };
};

export const actions: Actions = {
	default: (event) => submitSite(event, idParam(event.params.id))
};
