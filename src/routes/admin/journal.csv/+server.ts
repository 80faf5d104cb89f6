import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { exportAudit } from '$lib/server/audit/audit';
import { auditCsv } from '$lib/server/audit/csv';
import { readAuditFilter } from '$lib/server/audit/filter-params';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'audit.read');
	const { filter } = readAuditFilter(url.searchParams);
	const entries = await orHttpError(exportAudit(getDb(), actor, filter));
	return new Response(auditCsv(entries), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="journal-des-modifications.csv"',
			'Cache-Control': 'private, no-store'
		}
	});
};
