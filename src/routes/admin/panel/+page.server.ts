import type { PageServerLoad } from './$types';
import { oneOf } from '$lib/codes';
import { PERSON_STATUSES } from '$lib/panel-vocabulary';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listPanel, REGISTRY_PAGE_SIZE } from '$lib/server/panel/registry';
import { listTerritories } from '$lib/server/reference/service';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'panel.manage');
	const param = (name: string) => url.searchParams.get(name) ?? '';
	const filters = {
		q: param('q'),
		status: oneOf(PERSON_STATUSES, param('statut')),
		territoryId: Number(param('territoire')) || undefined,
		ageBand: param('age'),
		gender: param('genre'),
		situation: param('situation'),
		mandateDue: param('mandat') === 'echeance'
	};
	const page = Math.max(1, Number(param('page')) || 1);
	const db = getDb();
	return {
		filters: { ...filters, territoryId: filters.territoryId ?? '' },
		page,
		pageSize: REGISTRY_PAGE_SIZE,
		territories: (await listTerritories(db)).map((t) => ({ value: t.id, label: t.name })),
		...(await listPanel(db, locals.actor, filters, page))
	};
};
