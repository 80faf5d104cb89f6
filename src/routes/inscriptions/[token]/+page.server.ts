import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/forms';
import { NEEDS } from '$lib/event-vocabulary';
import {
	cancelRegistration,
	changeRegistration,
	findRegistrationByToken,
	registrationChangeSchema
} from '$lib/server/events/registration';

export const load: PageServerLoad = async ({ params }) => {
	const found = await findRegistrationByToken(getDb(), params.token);
	return {
		needChoices: NEEDS.map((n) => ({ value: n.code, label: n.label })),
		registration: found
			? {
					name: found.name,
					status: found.status,
					phone: found.phone ?? '',
					hasEmail: found.email !== null,
					needs: found.needs,
					needsDetail: found.needsDetail,
					eventTitle: found.event.title,
					eventSlug: found.event.slug,
					startsAt: found.event.startsAt
				}
			: null
	};
};

export const actions: Actions = {
	cancel: async ({ params, locals }) => {
		try {
			const outcome = await cancelRegistration(locals.ctx, params.token);
			return { cancelled: outcome.eventTitle };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	change: async ({ params, request }) => {
		const data = await request.formData();
		const values = {
			phone: String(data.get('phone') ?? ''),
			needs: data.getAll('needs').map(String),
			needsDetail: String(data.get('needsDetail') ?? '')
		};
		const parsed = readForm(registrationChangeSchema, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			await changeRegistration(getDb(), params.token, parsed.data);
		} catch (caught) {
			return failPlain(caught, { values, errors: {} as Record<string, string> });
		}
		return { changed: true };
	}
};
