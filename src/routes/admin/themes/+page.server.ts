import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { INBOX_FILTER_PARAMS, readInboxFilters } from '$lib/server/contributions/admin-page';
import {
	listThemeAnalyses,
	requestThemeAnalysis,
	startThemeComputation
} from '$lib/server/themes/analyses';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'contributions.manage');
	return { analyses: await listThemeAnalyses(getDb(), actor) };
};

/** The set of contributions, posted with the inbox's own filter names. */
const scopeSchema = z.object(
	Object.fromEntries(INBOX_FILTER_PARAMS.map((name) => [name, z.string().max(200).default('')]))
);

export const actions: Actions = {
	default: ({ request, locals }) =>
		handleForm(request, scopeSchema, async (posted) => {
			const filters = readInboxFilters(new URLSearchParams(posted as Record<string, string>));
			const id = await requestThemeAnalysis(locals.ctx, locals.actor, filters);
			startThemeComputation(locals.ctx);
			redirect(303, `/admin/themes/${id}`);
		})
};
