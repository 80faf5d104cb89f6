// Readiness: 200 while this instance may take requests, 503 otherwise (the
// reverse proxy then sends them to another instance).
import type { RequestHandler } from './$types';
import { getDb, isStopping } from '$lib/server/runtime';
import { readiness } from '$lib/server/health';

export const GET: RequestHandler = async () => {
	const { ready, checks } = await readiness(getDb(), isStopping());
	return Response.json(
		{ status: ready ? 'ok' : 'indisponible', ...checks },
		{ status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
