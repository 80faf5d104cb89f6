import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { eventSchema, readEventForm } from '$lib/server/events/schemas';
import { cancelEvent, getEventForm, publishEvent, updateEvent } from '$lib/server/events/manage';
import { displayStatus } from '$lib/server/events/model';
import { eventFormOptions } from '$lib/server/events/admin-page';
import { idParam } from '$lib/server/web/params';
import { failForm, failPlain, orHttpError } from '$lib/server/web/http';

const adapter = zod4(eventSchema);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const { event, form } = await orHttpError(getEventForm(db, actor, idParam(params.id)));
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
		form: await superValidate(form, adapter, { id: 'event', errors: false })
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await superValidate(request, adapter, { id: 'event' });
		if (!form.valid) return fail(400, { form });
		try {
			const { notified } = await updateEvent(
				locals.ctx,
				locals.actor,
				idParam(params.id),
				readEventForm(form.data)
			);
			return message(form, {
				type: 'success',
				text: notified
					? `L’événement est enregistré ; ${notified} personne${notified > 1 ? 's ont' : ' a'} été prévenue${notified > 1 ? 's' : ''}.`
					: 'L’événement est enregistré.'
			});
		} catch (caught) {
			return failForm(form, caught);
		}
	},
	publish: async ({ locals, params }) => {
		try {
			await publishEvent(getDb(), locals.actor, idParam(params.id));
			return { done: 'L’événement est publié dans l’agenda.' };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	cancel: async ({ request, locals, params }) => {
		const reason = String((await request.formData()).get('reason') ?? '');
		try {
			const { notified } = await cancelEvent(locals.ctx, locals.actor, idParam(params.id), reason);
			return { done: `L’événement est annulé ; ${notified} personne(s) prévenue(s).` };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
