import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { listEditableFiches } from '$lib/server/fiches/editing';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return {
		fiches: await orHttpError(listEditableFiches(getDb(), actor)),
		canImport: can(actor, 'fiches.import'),
		canEditSynonyms: can(actor, 'fiches.edit'),
		seesAll: can(actor, 'fiches.edit')
	};
};
