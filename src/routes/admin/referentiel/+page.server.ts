import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import {
	getReferenceOverview,
	renameTerritory,
	setEpciTerritory,
	territorySchema
} from '$lib/server/reference/service';
import { DomainError } from '$lib/server/errors';
import { orHttpError } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	return { overview: await orHttpError(getReferenceOverview(getDb(), actor)) };
};

const territoryChoice = z.union([
	z.literal('').transform(() => null),
	z.coerce.number().int().positive()
]);

async function attempt<C extends { code?: string; territoryId?: number }>(
	work: () => Promise<void>,
	context: C
) {
	try {
		await work();
	} catch (caught) {
		if (caught instanceof DomainError)
			return fail(caught.status, { ...context, error: caught.message, saved: false });
		throw caught;
	}
	return { ...context, error: null, saved: true };
}

export const actions: Actions = {
	epci: async ({ request, locals }) => {
		const data = await request.formData();
		const code = String(data.get('code') ?? '');
		const territory = territoryChoice.safeParse(data.get('territoryId') ?? '');
		if (!territory.success) {
			return fail(400, { code, error: 'Choisissez un territoire dans la liste.', saved: false });
		}
		return attempt(() => setEpciTerritory(getDb(), locals.actor, code, territory.data), { code });
	},
	territory: async ({ request, locals }) => {
		const data = await request.formData();
		const id = Number(data.get('id'));
		const parsed = territorySchema.safeParse({ name: data.get('name') ?? '' });
		if (!parsed.success) {
			return fail(400, { territoryId: id, error: parsed.error.issues[0].message, saved: false });
		}
		return attempt(() => renameTerritory(getDb(), locals.actor, id, parsed.data), {
			territoryId: id
		});
	}
};
