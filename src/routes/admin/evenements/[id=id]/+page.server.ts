import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { eventFields, eventSchema } from '$lib/server/events/schemas';
import {
	cancelEvent,
	getEventForEditing,
	publishEvent,
	updateEvent
} from '$lib/server/events/manage';
import { displayStatus } from '$lib/server/events/model';
import { eventFormOptions } from '$lib/server/events/admin-page';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const { event, command } = await orHttpError(getEventForEditing(db, actor, idParam(params.id)));
	return {
		event: {
			id: event.id,
			slug: event.slug,
			title: event.title,
			status: displayStatus(event),
			storedStatus: event.status,
			registered: event.registered,
			waiting: event.waiting,
			capacity: event.capacity
		},
		options: await eventFormOptions(db, locals.actor),
		values: eventFields(command)
	};
};

export const actions: Actions = {
	save: ({ request, locals, params }) =>
		handleForm(
			request,
			eventSchema,
			async (event) => {
				const { notified } = await updateEvent(locals.ctx, locals.actor, idParam(params.id), event);
				return notified
					? `L’événement est enregistré ; ${notified} personne${notified > 1 ? 's ont' : ' a'} été prévenue${notified > 1 ? 's' : ''}.`
					: 'L’événement est enregistré.';
			},
			{ form: 'save' }
		),
	publish: ({ request, locals, params }) =>
		handleForm(request, noFields, async () => {
			await publishEvent(getDb(), locals.actor, idParam(params.id));
			return 'L’événement est publié dans l’agenda.';
		}),
	cancel: ({ request, locals, params }) =>
		handleForm(request, z.object({ reason: z.string().default('') }), async ({ reason }) => {
			const { notified } = await cancelEvent(locals.ctx, locals.actor, idParam(params.id), reason);
			return `L’événement est annulé ; ${notified} personne(s) prévenue(s).`;
		})
};
