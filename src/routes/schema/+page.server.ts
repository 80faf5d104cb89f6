import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getFacets, parseFilters, searchFiches } from '$lib/server/fiches/catalogue';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const facets = await getFacets(db);
	const filters = parseFilters(url.searchParams, facets);
	return { facets, filters, ...(await searchFiches(db, filters)) };
};
