import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { pdfDownload } from '$lib/server/web/pdf-response';
import { retourLetters } from '$lib/server/retours/letters';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const { fileName, pdf } = await orHttpError(
		retourLetters(getDb(), actor, idParam(params.id), { origin: locals.ctx.origin })
	);
	return pdfDownload(pdf, fileName);
};
