import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { contributionIndicators } from '$lib/server/contributions/indicators';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'contributions.manage');
	return { indicators: await contributionIndicators(getDb(), actor) };
};
