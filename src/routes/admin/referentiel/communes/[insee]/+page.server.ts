import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listCommunes, listTerritories, setCommuneTerritory } from '$lib/server/reference/service';
import { DomainError } from '$lib/server/errors';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	const db = getDb();
	const communes = await orHttpError(listCommunes(db, actor, { q: params.insee }));
	const commune = communes.find((c) => c.inseeCode === params.insee);
	if (!commune) error(404, { message: 'Cette commune n’existe pas dans le référentiel.' });
	return { commune, territories: await listTerritories(db) };
};

const territoryChoice = z.union([
	z.literal('').transform(() => null),
	z.coerce.number().int().positive()
]);

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const parsed = territoryChoice.safeParse((await request.formData()).get('territoryId') ?? '');
		if (!parsed.success) return fail(400, { error: 'Choisissez un territoire dans la liste.' });
		try {
			await setCommuneTerritory(getDb(), locals.actor, params.insee, parsed.data);
		} catch (caught) {
			if (caught instanceof DomainError) return fail(caught.status, { error: caught.message });
			throw caught;
		}
		return { saved: true };
	}
};
