import type { Actions, PageServerLoad } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { addProgrammeItem, deleteProgrammeItem, listProgramme } from '$lib/server/events/programme';
import { idParam } from '$lib/server/web/params';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { toParisLocalInput } from '$lib/paris-time';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	return {
		event: {
			id,
			title: event.title,
			startsAt: toParisLocalInput(event.startsAt),
			endsAt: toParisLocalInput(event.endsAt)
		},
		items: await listProgramme(db, id)
	};
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const data = await request.formData();
		const f = (name: string) => String(data.get(name) ?? '');
		const values = {
			kind: f('kind'),
			title: f('title'),
			startsAt: f('startsAt'),
			endsAt: f('endsAt'),
			room: f('room'),
			capacity: f('capacity')
		};
		try {
			await addProgrammeItem(getDb(), locals.actor, idParam(params.id), values);
			return { done: `« ${values.title.trim()} » ajouté au programme.` };
		} catch (caught) {
			return failPlain(caught, { values });
		}
	},
	remove: async ({ request, locals, params }) => {
		const itemId = Number((await request.formData()).get('itemId'));
		try {
			await deleteProgrammeItem(getDb(), locals.actor, idParam(params.id), itemId);
			return { done: 'Moment retiré du programme.' };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
