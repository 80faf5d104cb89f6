import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	getReferenceOverview,
	renameTerritory,
	setEpciTerritory,
	territorySchema
} from '$lib/server/reference/service';
import { attemptAction, orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	return { overview: await orHttpError(getReferenceOverview(getDb(), actor)) };
};

const territoryChoice = z.union([
	z.literal('').transform(() => null),
	z.coerce.number().int().positive()
]);

export const actions: Actions = {
	epci: async ({ request, locals }) => {
		const data = await request.formData();
		const code = String(data.get('code') ?? '');
		const territory = territoryChoice.safeParse(data.get('territoryId') ?? '');
		if (!territory.success) {
			return fail(400, { form: 'epci', code, error: 'Choisissez un territoire dans la liste.' });
		}
		return attemptAction(
			'epci',
			async () => {
				await setEpciTerritory(getDb(), locals.actor, code, territory.data);
				return 'Le rattachement est enregistré.';
			},
			{ code }
		);
	},
	territory: async ({ request, locals }) => {
		const data = await request.formData();
		const id = Number(data.get('id'));
		const parsed = territorySchema.safeParse({ name: data.get('name') ?? '' });
		if (!parsed.success) {
			return fail(400, {
				form: 'territory',
				territoryId: id,
				error: parsed.error.issues[0].message
			});
		}
		return attemptAction(
			'territory',
			async () => {
				await renameTerritory(getDb(), locals.actor, id, parsed.data);
				return 'Le territoire est renommé.';
			},
			{ territoryId: id }
		);
	}
};
