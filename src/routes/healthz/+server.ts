// Liveness: the process answers. It does not touch the database, so a
// database outage does not get every instance restarted (see /readyz).
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
