import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getReviewForm, reviewFormSchema, submitReview } from '$lib/server/fiches/reviews';
import { parseYear } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal, type PostedValues } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return await orHttpError(getReviewForm(getDb(), actor, parseYear(params.year), params.ref));
};

/** What the officer typed, shown again with the errors. */
function submittedOf(values: PostedValues) {
	const text = (name: string) => String(values[name] ?? '');
	return {
		status: text('status'),
		text: text('text'),
		values: Object.fromEntries(
			Object.keys(values)
				.filter((key) => key.startsWith('value-'))
				.map((key) => [key.slice('value-'.length), text(key)])
		)
	};
}

/** The errors as the page lists them, the service's one under the field it names. */
const listed = (errors: Record<string, string>) =>
	Object.fromEntries(
		Object.entries(errors).map(([field, message]) => [field || '_errors', [message]])
	);

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const posted = await readPosted(request, reviewFormSchema);
		if (!posted.ok) {
			const { values = {}, errors = {} } = posted.failure.data;
			return fail(400, { errors: listed(errors), submitted: submittedOf(values) });
		}
		const year = parseYear(params.year);
		try {
			await submitReview(getDb(), locals.actor, year, params.ref, posted.data);
		} catch (caught) {
			const refused = refusal(caught);
			return fail(refused.status, {
				errors: listed({ [refused.data.field ?? '']: refused.data.error }),
				submitted: submittedOf(posted.values)
			});
		}
		redirect(303, `/admin/bilans/${year}?rempli=${params.ref}`);
	}
};
