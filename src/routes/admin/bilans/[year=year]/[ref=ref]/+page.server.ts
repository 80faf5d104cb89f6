import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getReviewForm, reviewSchema, submitReview } from '$lib/server/fiches/reviews';
import { parseYear } from '$lib/server/web/params';
import { DomainError } from '$lib/server/errors';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	return await orHttpError(getReviewForm(getDb(), actor, parseYear(params.year), params.ref));
};

export const actions: Actions = {
	// Indicator fields vary per fiche ("value-<id>"), so the form is read by hand.
	default: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = Object.fromEntries(
			[...data.entries()]
				.filter(([key, value]) => key.startsWith('value-') && typeof value === 'string')
				.map(([key, value]) => [key.slice('value-'.length), String(value)])
		);
		const submitted = {
			status: String(data.get('status') ?? ''),
			text: String(data.get('text') ?? ''),
			values
		};
		const parsed = reviewSchema.safeParse(submitted);
		if (!parsed.success) {
			const errors: Record<string, string[]> = {};
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? '_errors');
				(errors[field] ??= []).push(issue.message);
			}
			return fail(400, { errors, submitted });
		}
		const year = parseYear(params.year);
		try {
			await submitReview(getDb(), locals.actor, year, params.ref, parsed.data);
		} catch (caught) {
			if (caught instanceof DomainError) {
				const field = 'field' in caught && caught.field ? String(caught.field) : '_errors';
				return fail(caught.status, { errors: { [field]: [caught.message] }, submitted });
			}
			throw caught;
		}
		redirect(303, `/admin/bilans/${year}?rempli=${params.ref}`);
	}
};
