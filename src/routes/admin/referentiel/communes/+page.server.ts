import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listCommunes, listTerritories } from '$lib/server/reference/service';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const territoryParam = url.searchParams.get('territoire') ?? '';
	const epciCode = (url.searchParams.get('epci') ?? '').slice(0, 20);
	const territoryId =
		territoryParam === 'aucun'
			? ('none' as const)
			: Number.parseInt(territoryParam, 10) || undefined;
	const db = getDb();
	const [communes, territories] = await Promise.all([
		orHttpError(listCommunes(db, actor, { q, territoryId, epciCode: epciCode || undefined })),
		listTerritories(db)
	]);
	return { communes, territories, filters: { q, territoire: territoryParam, epci: epciCode } };
};
