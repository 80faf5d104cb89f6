import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	listCommunes,
	listTerritories,
	setCommuneTerritory,
	territoryChoiceSchema
} from '$lib/server/reference/service';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	const db = getDb();
	const communes = await orHttpError(listCommunes(db, actor, { q: params.insee }));
	const commune = communes.find((c) => c.inseeCode === params.insee);
	if (!commune) error(404, { message: 'Cette commune n’existe pas dans le référentiel.' });
	return { commune, territories: await listTerritories(db) };
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		handleForm(request, territoryChoiceSchema, async ({ territoryId }) => {
			await setCommuneTerritory(getDb(), locals.actor, params.insee, territoryId);
			return { saved: true };
		})
};
