import { fail } from '@sveltejs/kit';
import { wholeNumber } from '$lib/codes';
import { eventForOffice } from '$lib/server/events/admin-page';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listRegistrations, markNeedsArranged } from '$lib/server/events/manage';
import { idParam } from '$lib/server/web/params';
import { failPlain, orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const { rows, needs } = await listRegistrations(db, actor, id);
	return { event: { id, title: event.title, capacity: event.capacity }, rows, needs };
};

export const actions: Actions = {
	needs: async ({ locals, request, params }) => {
		const data = await request.formData();
		const registrationId = wholeNumber(data.get('registrationId'));
		if (registrationId === null)
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
