import { fail } from '@sveltejs/kit';
import { idFields } from '$lib/server/web/form-values';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/plain-form';
import { idParam } from '$lib/server/web/params';
import { getGroup } from '$lib/server/groups/manage';
import { addBody, removeBody, setBodySeats } from '$lib/server/groups/bodies';
import { bodySchema } from '$lib/server/groups/schemas';
import { textFields } from '$lib/server/groups/admin-page';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'groups.manage');
	return { group: await orHttpError(getGroup(getDb(), locals.actor, idParam(params.id))) };
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const values = textFields(await request.formData(), ['name', 'description']);
		const parsed = readForm(bodySchema, values);
		if (!parsed.ok) return fail(400, { form: 'add', values, errors: parsed.errors });
		try {
			await addBody(getDb(), locals.actor, idParam(params.id), parsed.data);
			return { form: 'add', done: `Instance « ${parsed.data.name} » ajoutée.` };
		} catch (caught) {
			return failPlain(caught, { form: 'add', values, errors: {} as Record<string, string> });
		}
	},
	seats: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			await setBodySeats(
				getDb(),
				locals.actor,
				idParam(params.id),
				idFields(data, 'bodyId')[0] ?? 0,
				idFields(data, 'personIds')
			);
			return { form: 'seats', done: 'Participants enregistrés.' };
		} catch (caught) {
			return failPlain(caught, { form: 'seats', errors: {} as Record<string, string> });
		}
	},
	remove: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			await removeBody(getDb(), locals.actor, idParam(params.id), idFields(data, 'bodyId')[0] ?? 0);
			return { form: 'remove', done: 'Instance retirée.' };
		} catch (caught) {
			return failPlain(caught, { form: 'remove', errors: {} as Record<string, string> });
		}
	}
};
