import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { handleForm, noFields } from '$lib/server/web/forms';
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
	cancel: ({ params, locals, request }) =>
		handleForm(request, noFields, async () => {
			const outcome = await cancelRegistration(locals.ctx, params.token);
			return { cancelled: outcome.eventTitle };
		}),
	change: ({ params, request }) =>
		handleForm(request, registrationChangeSchema, async (change) => {
			await changeRegistration(getDb(), params.token, change);
			return { changed: true };
		})
};
