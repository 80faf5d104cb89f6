import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { representation, saveTargets, targetsSchema } from '$lib/server/panel/representation';
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
	targets: ({ request, locals }) =>
		handleForm(
			request,
			targetsSchema,
			async ({ criterion, shares }) => {
				await saveTargets(getDb(), locals.actor, criterion, shares);
				return 'Objectifs enregistrés.';
			},
			{ firstError: true, answer: (values) => ({ criterion: String(values.criterion ?? '') }) }
		)
};
