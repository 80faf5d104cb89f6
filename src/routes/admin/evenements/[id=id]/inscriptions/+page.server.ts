import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listRegistrations, markNeedsArranged } from '$lib/server/events/manage';
import { getEventById } from '$lib/server/events/queries';
import { idParam } from '$lib/server/web/params';
import { failPlain, orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(getEventById(db, id));
	const { rows, needs } = await listRegistrations(db, actor, id);
	return { event: { id, title: event.title, capacity: event.capacity }, rows, needs };
};

export const actions: Actions = {
	needs: async ({ locals, request, params }) => {
		const data = await request.formData();
		const registrationId = String(data.get('registrationId') ?? '');
		if (!/^\d{1,9}$/.test(registrationId))
			return fail(400, { error: 'Inscription introuvable.', registrationId: null });
		try {
			await markNeedsArranged(
				getDb(),
				locals.actor,
				idParam(params.id),
				Number(registrationId),
				data.get('arranged') === 'oui'
			);
		} catch (caught) {
			return failPlain(caught, { registrationId: Number(registrationId) });
		}
		return { registrationId: Number(registrationId) };
	}
};
