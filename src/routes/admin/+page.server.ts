import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { listTerritories } from '$lib/server/reference/service';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'backoffice.access');
	return { territories: await listTerritories(getDb()) };
};
