import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getReferenceOverview } from '$lib/server/reference/service';
import { parseSiteId, siteAdapter, siteFormOptions, submitSite } from '$lib/server/web/site-form';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	const id = parseSiteId(params.id);
	const { sites } = await orHttpError(getReferenceOverview(getDb(), actor));
	const site = sites.find((s) => s.id === id);
	if (!site) error(404, { message: 'Ce lieu n’existe pas.' });
	const { name, kind, communeInseeCode, address, note, active } = site;
	return {
		site,
		form: await superValidate(
			{ name, kind, communeInseeCode: communeInseeCode ?? '', address, note, active },
			siteAdapter,
			{ errors: false }
		),
		...(await siteFormOptions(actor))
	};
};

export const actions: Actions = {
	default: (event) => submitSite(event, parseSiteId(event.params.id))
};
