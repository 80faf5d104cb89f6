import type { PageServerLoad } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { attendanceSheet } from '$lib/server/events/attendance';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const { rows } = await attendanceSheet(db, actor, id);
	return {
		event: {
			id,
			title: event.title,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			place: event.place
		},
		names: rows.filter((r) => r.status !== 'attente').map((r) => r.name)
	};
};
