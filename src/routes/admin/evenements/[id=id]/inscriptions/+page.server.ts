import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { listRegistrations } from '$lib/server/events/manage';
import { getEventById } from '$lib/server/events/queries';
import { idParam } from '$lib/server/consultations/admin-page';
import { orHttpError } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(getEventById(db, id));
	const { rows, needs } = await listRegistrations(db, actor, id);
	return { event: { id, title: event.title, capacity: event.capacity }, rows, needs };
};
