import type { Actions, PageServerLoad } from './$types';
import { getDb, getRuntime } from '$lib/server/runtime';
import { failPlain } from '$lib/server/http';
import { cancelRegistration, findRegistrationByToken } from '$lib/server/events/registration';

export const load: PageServerLoad = async ({ params }) => {
	const found = await findRegistrationByToken(getDb(), params.token);
	return {
		registration: found
			? {
					name: found.name,
					status: found.status,
					eventTitle: found.event.title,
					eventSlug: found.event.slug,
					startsAt: found.event.startsAt
				}
			: null
	};
};

export const actions: Actions = {
	default: async ({ params, url }) => {
		const { mailer, config } = getRuntime();
		try {
			const outcome = await cancelRegistration(
				getDb(),
				mailer,
				params.token,
				config.origin ?? url.origin
			);
			return { cancelled: outcome.eventTitle };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
