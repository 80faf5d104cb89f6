import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listEventKinds } from '$lib/server/events/queries';
import { displayStatus } from '$lib/server/events/model';
import { addEventKind, listEventsForOfficers } from '$lib/server/events/manage';
import { readPosted, refusal } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const events = await listEventsForOfficers(db, actor);
	return {
		kinds: await listEventKinds(db),
		events: events.map((e) => ({
			id: e.id,
			title: e.title,
			kindLabel: e.kindLabel,
			startsAt: e.startsAt,
			commune: e.place.communeName,
			status: displayStatus(e),
			registered: e.registered,
			waiting: e.waiting,
			capacity: e.capacity
		}))
	};
};

export const actions: Actions = {
	addKind: async ({ request, locals }) => {
		const posted = await readPosted(request, z.object({ label: z.string().default('') }));
		if (!posted.ok) return posted.failure;
		const { label } = posted.data;
		try {
			await addEventKind(getDb(), locals.actor, label);
			return { done: `Type « ${label.trim()} » ajouté.` };
		} catch (caught) {
			return refusal(caught, { label });
		}
	}
};
