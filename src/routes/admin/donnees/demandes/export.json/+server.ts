import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { findPerson, subjectQuerySchema } from '$lib/server/privacy/rights';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'privacy.manage');
	const query = subjectQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) error(400, query.error.issues[0].message);
	const { report } = await orHttpError(findPerson(getDb(), actor, query.data));
	return new Response(JSON.stringify(report, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="donnees-personne.json"',
			'cache-control': 'no-store'
		}
	});
};
