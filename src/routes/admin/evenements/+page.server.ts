import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { listEvents } from '$lib/server/events/queries';
import { displayStatus } from '$lib/server/events/model';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'events.manage');
	const events = await listEvents(getDb(), { includeDrafts: true });
	return {
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
