import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	addProgrammeItem,
	deleteProgrammeItem,
	listProgramme,
	programmeItemSchema
} from '$lib/server/events/programme';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
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
	add: ({ request, locals, params }) =>
		handleForm(request, programmeItemSchema, async (item) => {
			await addProgrammeItem(getDb(), locals.actor, idParam(params.id), item);
			return `« ${item.title} » ajouté au programme.`;
		}),
	remove: ({ request, locals, params }) =>
		handleForm(request, z.object({ itemId: postedId }), async ({ itemId }) => {
			await deleteProgrammeItem(getDb(), locals.actor, idParam(params.id), itemId);
			return 'Moment retiré du programme.';
		})
};
