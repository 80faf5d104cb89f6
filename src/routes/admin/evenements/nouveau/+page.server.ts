import { redirect } from '@sveltejs/kit';
import { wholeNumber } from '$lib/codes';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { blankEvent, eventFields, eventSchema } from '$lib/server/events/schemas';
import { createEvent } from '$lib/server/events/manage';
import { eventFormOptions } from '$lib/server/events/admin-page';
import { handleForm } from '$lib/server/web/forms';
import { parisNextHour } from '$lib/paris-time';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'events.manage');
	// Next week, from the next full hour, for two hours.
	const startsAt = parisNextHour(locals.ctx.clock.now(), 7);
	const endsAt = new Date(startsAt.getTime() + 2 * 3600 * 1000);
	// « Planifier une réunion » from a group's page arrives with ?groupe=ID.
	const groupId = wholeNumber(url.searchParams.get('groupe'));
	const meeting = groupId
		? { kind: 'reunion-groupe', audience: 'groupe' as const, groupId }
		: { kind: 'atelier', audience: 'tous' as const };
	return {
		options: await eventFormOptions(getDb(), locals.actor),
		values: eventFields(blankEvent({ startsAt, endsAt, ...meeting }))
	};
};

export const actions: Actions = {
	default: ({ request, locals }) =>
		handleForm(request, eventSchema, async (event) => {
			const id = await createEvent(getDb(), locals.actor, event);
			redirect(303, `/admin/evenements/${id}`);
		})
};
