import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { confirmedRequest, eraseByRequest } from '$lib/server/privacy/rights';

export const load: PageServerLoad = async ({ params }) => ({
	...(await orHttpError(confirmedRequest(getDb(), params.token)))
});

export const actions: Actions = {
	erase: async ({ request, params, locals }) => {
		const data = await request.formData();
		if (data.get('confirm') !== 'on')
			return fail(400, { error: 'Cochez la case pour confirmer l’effacement.' });
		try {
			const receipt = await eraseByRequest(locals.ctx, params.token, {
				withTexts: data.get('withTexts') === 'on'
			});
			return { erased: Object.values(receipt.counts).reduce((a, b) => a + (b ?? 0), 0) };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
