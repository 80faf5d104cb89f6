import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/web/query-params';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { AUDIT_PAGE_SIZE, auditFilterOptions, listAudit } from '$lib/server/audit/audit';
import { readAuditFilter } from '$lib/server/audit/filter-params';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'audit.read');
	const page = pageParam(url);
	const { filter, form, errors } = readAuditFilter(url.searchParams);
	const db = getDb();
	const [result, options] = await Promise.all([
		orHttpError(listAudit(db, actor, { ...filter, page })),
		orHttpError(auditFilterOptions(db, actor))
	]);
	return {
		...result,
		options,
		form,
		errors,
		query: url.searchParams.toString(),
		page,
		pageSize: AUDIT_PAGE_SIZE
	};
};
