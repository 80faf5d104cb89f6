import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { tickBox } from '$lib/server/form-fields';
import {
	correctPerson,
	erasePerson,
	findPerson,
	listPrivacyRequests,
	subjectQuerySchema
} from '$lib/server/privacy/rights';

function queryOf(values: URLSearchParams) {
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

const eraseSchema = subjectQuerySchema.and(
	z.object({
		confirm: z.literal(true, { error: 'Cochez la case pour confirmer l’effacement.' }),
		withTexts: tickBox
	})
);
const correctionSchema = subjectQuerySchema.and(
	z.object({ field: z.string().default(''), value: z.string().default('') })
);

export const actions: Actions = {
	erase: ({ request, locals }) =>
		handleForm(
			request,
			eraseSchema,
			async ({ email, phone, name, withTexts }) => ({
				receipt: await erasePerson(locals.ctx, locals.actor, { email, phone, name }, { withTexts })
			}),
			{ firstError: true }
		),
	correct: ({ request, locals }) =>
		handleForm(
			request,
			correctionSchema,
			async ({ email, phone, name, field, value }) => ({
				corrected: await correctPerson(
					getDb(),
					locals.actor,
					{ email, phone, name },
					{ field, value }
				)
			}),
			{ firstError: true }
		)
};
