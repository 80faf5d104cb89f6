import type { RequestHandler } from './$types';
import { getDb, getRuntime } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http';
import { idParam } from '$lib/server/consultations/admin-page';
import { getDepartment } from '$lib/server/settings/settings';
import { retourLetters } from '$lib/server/retours/letters';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const db = getDb();
	const department = await getDepartment(db);
	const { fileName, pdf } = await orHttpError(
		retourLetters(db, actor, idParam(params.id), {
			origin: getRuntime().config.origin ?? url.origin,
			department: `Département de ${department.name}`
		})
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
};
