import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listGroups } from '$lib/server/groups/manage';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'groups.manage');
	const archived = url.searchParams.get('archives') === '1';
	return { archived, groups: await listGroups(getDb(), locals.actor, { archived }) };
};
