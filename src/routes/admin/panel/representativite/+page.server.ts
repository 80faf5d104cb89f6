import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import { representation, saveTargets } from '$lib/server/panel/representation';
import { ALL_CRITERIA } from '$lib/server/panel/criteria';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'panel.manage');
	return representation(
		getDb(),
		locals.actor,
		ALL_CRITERIA.map((c) => c.code),
		{ status: 'actif' }
	);
};

export const actions: Actions = {
	targets: async ({ request, locals }) => {
		const data = await request.formData();
		const criterion = String(data.get('criterion') ?? '');
		const shares: Record<string, string> = {};
		for (const [key, value] of data) {
			if (key.startsWith('share:') && typeof value === 'string') shares[key.slice(6)] = value;
		}
		try {
			await saveTargets(getDb(), locals.actor, criterion, shares);
			return { done: 'Objectifs enregistrés.', criterion };
		} catch (caught) {
			return failPlain(caught, { criterion });
		}
	}
};
