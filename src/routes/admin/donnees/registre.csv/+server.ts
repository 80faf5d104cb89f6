import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { processingRegisterCsv } from '$lib/server/privacy/register';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'privacy.manage');
	const { fileName, body } = await orHttpError(processingRegisterCsv(getDb(), actor));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
};
