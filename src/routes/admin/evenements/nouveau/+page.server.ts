import { fail, redirect } from '@sveltejs/kit';
import { wholeNumber } from '$lib/codes';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { eventSchema, readEventForm } from '$lib/server/events/schemas';
import { createEvent } from '$lib/server/events/manage';
import { eventFormOptions } from '$lib/server/events/admin-page';
import { failForm } from '$lib/server/web/http';
import { parisNextHour, toParisLocalInput } from '$lib/paris-time';

const adapter = zod4(eventSchema);

/** « Planifier une réunion » from a group's page arrives with ?groupe=ID. */
function meetingDefaults(group: string | null) {
	return group !== null && wholeNumber(group) !== null
		? { kind: 'reunion-groupe', audience: 'groupe' as const, groupId: group }
		: { kind: 'atelier', audience: 'tous' as const };
}

/** Next week, from the next full hour, for two hours. */
function defaultTimes(now: Date) {
	const start = parisNextHour(now, 7);
	return {
		startsAt: toParisLocalInput(start),
		endsAt: toParisLocalInput(new Date(start.getTime() + 2 * 3600 * 1000))
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'events.manage');
	return {
		options: await eventFormOptions(getDb(), locals.actor),
		form: await superValidate(
			{ ...meetingDefaults(url.searchParams.get('groupe')), ...defaultTimes(new Date()) },
			adapter,
			{
				errors: false
			}
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		let id: number;
		try {
			id = await createEvent(getDb(), locals.actor, readEventForm(form.data));
		} catch (caught) {
			return failForm(form, caught);
		}
		redirect(303, `/admin/evenements/${id}`);
	}
};
