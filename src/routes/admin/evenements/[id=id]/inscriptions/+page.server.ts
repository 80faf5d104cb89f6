import { z } from 'zod';
import { eventForOffice } from '$lib/server/events/admin-page';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listRegistrations, markNeedsArranged } from '$lib/server/events/manage';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';

const needsSchema = z.object({
	registrationId: postedId,
	arranged: z
		.string()
		.default('')
		.transform((v) => v === 'oui')
});

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
		const posted = await readPosted(request, needsSchema);
		if (!posted.ok) return posted.failure;
		const { registrationId, arranged } = posted.data;
		try {
			await markNeedsArranged(getDb(), locals.actor, idParam(params.id), registrationId, arranged);
		} catch (caught) {
			return refusal(caught, { registrationId });
		}
		return { registrationId };
	}
};
