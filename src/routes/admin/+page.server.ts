import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { dashboardFor } from '$lib/server/dashboard/todo';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	const now = new Date();
	return { sections: await dashboardFor(getDb(), actor, now), today: now };
};
