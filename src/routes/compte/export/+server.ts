import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/web/guards';
import { exportOwnData } from '$lib/server/users/account';
import { orHttpError } from '$lib/server/web/http';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { actor } = requireUser(locals, url);
	const data = await orHttpError(exportOwnData(getDb(), actor));
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': 'attachment; filename="mes-donnees-concerto.json"',
			'Cache-Control': 'no-store'
		}
	});
};
