import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getFacets, parseFilters, searchFiches } from '$lib/server/fiches/catalogue';
import { listPublishedYears } from '$lib/server/fiches/reviews';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const facets = await getFacets(db);
	const filters = parseFilters(url.searchParams, facets);
	return {
		facets,
		filters,
		publishedYears: await listPublishedYears(db),
		...(await searchFiches(db, filters))
	};
};
