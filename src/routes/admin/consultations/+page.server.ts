import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { listConsultations } from '$lib/server/consultations/builder';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'consultations.results');
	return {
		consultations: await listConsultations(getDb(), actor),
		canManage: can(actor, 'consultations.manage')
	};
};
