import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { openDataFiches, toCsv } from '$lib/server/fiches/open-data';

export const GET: RequestHandler = async () => {
	return new Response(toCsv(await openDataFiches(getDb())), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'inline; filename="schema-des-solidarites.csv"',
			'Access-Control-Allow-Origin': '*'
		}
	});
};
