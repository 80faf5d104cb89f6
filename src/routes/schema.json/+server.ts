import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { openDataFiches } from '$lib/server/fiches/open-data';

export const GET: RequestHandler = async () => {
	const fiches = await openDataFiches(getDb());
	return json(
		{ generatedAt: new Date().toISOString(), count: fiches.length, fiches },
		{ headers: { 'Access-Control-Allow-Origin': '*' } }
	);
};
