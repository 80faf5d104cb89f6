import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { retourLetters } from '$lib/server/retours/letters';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const db = getDb();
	const { fileName, pdf } = await orHttpError(
		retourLetters(db, actor, idParam(params.id), {
			origin: locals.ctx.origin
		})
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
};
