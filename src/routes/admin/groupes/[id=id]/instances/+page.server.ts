import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId, postedIds } from '$lib/server/form-fields';
import { idParam } from '$lib/server/web/params';
import { getGroup } from '$lib/server/groups/manage';
import { addBody, removeBody, setBodySeats } from '$lib/server/groups/bodies';
import { bodySchema } from '$lib/server/groups/schemas';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'groups.manage');
	return { group: await orHttpError(getGroup(getDb(), locals.actor, idParam(params.id))) };
};

const seatsSchema = z.object({ bodyId: postedId, personIds: postedIds });

export const actions: Actions = {
	add: ({ request, locals, params }) =>
		handleForm(
			request,
			bodySchema,
			async (body) => {
				await addBody(getDb(), locals.actor, idParam(params.id), body);
				return `Instance « ${body.name} » ajoutée.`;
			},
			{ form: 'add' }
		),
	seats: ({ request, locals, params }) =>
		handleForm(
			request,
			seatsSchema,
			async ({ bodyId, personIds }) => {
				await setBodySeats(getDb(), locals.actor, idParam(params.id), bodyId, personIds);
				return 'Participants enregistrés.';
			},
			{ form: 'seats' }
		),
	remove: ({ request, locals, params }) =>
		handleForm(
			request,
			seatsSchema.pick({ bodyId: true }),
			async ({ bodyId }) => {
				await removeBody(getDb(), locals.actor, idParam(params.id), bodyId);
				return 'Instance retirée.';
			},
			{ form: 'remove' }
		)
};
