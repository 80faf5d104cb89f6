import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { eventForOffice, tourPageOptions } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	addTourStop,
	deleteTourStop,
	listTourStops,
	tourStopSchema
} from '$lib/server/events/tours';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const { consultationId, communes } = await tourPageOptions(db, locals.actor, id);
	return {
		event: { id, title: event.title, consultationId },
		stops: await listTourStops(db, id),
		communes
	};
};

export const actions: Actions = {
	add: ({ request, locals, params }) =>
		handleForm(request, tourStopSchema, async (stop) => {
			await addTourStop(getDb(), locals.actor, idParam(params.id), stop);
			return 'Étape ajoutée.';
		}),
	remove: ({ request, locals, params }) =>
		handleForm(request, z.object({ stopId: postedId }), async ({ stopId }) => {
			await deleteTourStop(getDb(), locals.actor, idParam(params.id), stopId);
			return 'Étape retirée.';
		})
};
