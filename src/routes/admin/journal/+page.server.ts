import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/query-params';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { AUDIT_PAGE_SIZE, listAudit } from '$lib/server/audit/audit';
import { orHttpError } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'audit.read');
	const page = pageParam(url);
	const entityType = (url.searchParams.get('type') ?? '').slice(0, 50);
	const result = await orHttpError(
		listAudit(getDb(), actor, { entityType: entityType || undefined, page })
	);
	return { ...result, page, pageSize: AUDIT_PAGE_SIZE, entityType };
};
