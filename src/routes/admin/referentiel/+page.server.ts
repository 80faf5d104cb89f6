import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	getReferenceOverview,
	renameTerritory,
	setEpciTerritory,
	territoryChoiceSchema,
	territorySchema
} from '$lib/server/reference/service';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { wholeNumber } from '$lib/codes';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'reference.manage');
	return { overview: await orHttpError(getReferenceOverview(getDb(), actor)) };
};

export const actions: Actions = {
	epci: ({ request, locals }) =>
		handleForm(
			request,
			territoryChoiceSchema.extend({ code: z.string().default('') }),
			async ({ code, territoryId }) => {
				await setEpciTerritory(getDb(), locals.actor, code, territoryId);
				return 'Le rattachement est enregistré.';
			},
			{ form: 'epci', firstError: true, answer: (values) => ({ code: String(values.code ?? '') }) }
		),
	territory: ({ request, locals }) =>
		handleForm(
			request,
			territorySchema.extend({ id: postedId }),
			async ({ id, ...territory }) => {
				await renameTerritory(getDb(), locals.actor, id, territory);
				return 'Le territoire est renommé.';
			},
			{
				form: 'territory',
				firstError: true,
				answer: (values) => ({ territoryId: wholeNumber(values.id) })
			}
		)
};
