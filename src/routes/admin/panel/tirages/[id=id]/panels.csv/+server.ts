import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { panelsCsv } from '$lib/server/panel/public-draws';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	const { fileName, body } = await orHttpError(panelsCsv(getDb(), idParam(params.id)));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
};
