import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { tickBox } from '$lib/server/form-fields';
import { confirmedRequest, eraseByRequest } from '$lib/server/privacy/rights';

export const load: PageServerLoad = async ({ params }) => ({
	...(await orHttpError(confirmedRequest(getDb(), params.token)))
});

const erasureSchema = z.object({
	confirm: z.literal(true, { error: 'Cochez la case pour confirmer l’effacement.' }),
	withTexts: tickBox
});

export const actions: Actions = {
	erase: ({ request, params, locals }) =>
		handleForm(
			request,
			erasureSchema,
			async ({ withTexts }) => {
				const receipt = await eraseByRequest(locals.ctx, params.token, { withTexts });
				return { erased: Object.values(receipt.counts).reduce((a, b) => a + (b ?? 0), 0) };
			},
			{ firstError: true }
		)
};
