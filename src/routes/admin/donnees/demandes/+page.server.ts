import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain, orHttpError } from '$lib/server/web/http';
import {
	correctPerson,
	erasePerson,
	findPerson,
	listPrivacyRequests,
	subjectQuerySchema
} from '$lib/server/privacy/rights';

function queryOf(values: URLSearchParams | FormData) {
	const read = (name: string) => String(values.get(name) ?? '');
	return subjectQuerySchema.safeParse({
		email: read('email'),
		phone: read('phone'),
		name: read('name')
	});
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'privacy.manage');
	const db = getDb();
	const requests = await orHttpError(listPrivacyRequests(db, actor));
	const searched = ['email', 'phone', 'name'].some((k) => url.searchParams.has(k));
	const query = queryOf(url.searchParams);
	const values = {
		email: url.searchParams.get('email') ?? '',
		phone: url.searchParams.get('phone') ?? '',
		name: url.searchParams.get('name') ?? ''
	};
	if (!searched) return { requests, values, result: null, searchError: null };
	if (!query.success)
		return { requests, values, result: null, searchError: query.error.issues[0].message };
	return {
		requests,
		values,
		result: await orHttpError(findPerson(db, actor, query.data)),
		searchError: null
	};
};

export const actions: Actions = {
	erase: async ({ request, locals }) => {
		const data = await request.formData();
		const query = queryOf(data);
		if (!query.success) return fail(400, { error: query.error.issues[0].message, field: null });
		if (data.get('confirm') !== 'on')
			return fail(400, {
				error: 'Cochez la case pour confirmer l’effacement.',
				field: 'confirm'
			});
		try {
			const receipt = await erasePerson(locals.ctx, locals.actor, query.data, {
				withTexts: data.get('withTexts') === 'on'
			});
			return { receipt };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	correct: async ({ request, locals }) => {
		const data = await request.formData();
		const query = queryOf(data);
		if (!query.success) return fail(400, { error: query.error.issues[0].message, field: null });
		try {
			const changed = await correctPerson(getDb(), locals.actor, query.data, {
				field: String(data.get('field') ?? ''),
				value: String(data.get('value') ?? '')
			});
			return { corrected: changed };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
