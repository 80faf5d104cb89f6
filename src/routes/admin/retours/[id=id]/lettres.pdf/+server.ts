import type { RequestHandler } from './$types';
import { getDb, getRuntime } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http';
import { idParam } from '$lib/server/consultations/admin-page';
import { retourLetters } from '$lib/server/retours/letters';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const db = getDb();
	const { fileName, pdf } = await orHttpError(
		retourLetters(db, actor, idParam(params.id), {
			origin: getRuntime().config.origin ?? url.origin
		})
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
};
