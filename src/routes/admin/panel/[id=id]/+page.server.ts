import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields } from '$lib/server/web/forms';
import { personStatusSchema } from '$lib/server/panel/schemas';
import { idParam } from '$lib/server/web/params';
import { erasePerson, getPersonDetail, updatePersonStatus } from '$lib/server/panel/registry';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	return { person: await orHttpError(getPersonDetail(getDb(), locals.actor, idParam(params.id))) };
};

export const actions: Actions = {
	status: ({ request, locals, params }) =>
		handleForm(
			request,
			personStatusSchema,
			async (change) => {
				await updatePersonStatus(getDb(), locals.actor, idParam(params.id), change);
				return 'Statut et mandat enregistrés.';
			},
			{ firstError: true }
		),
	erase: ({ request, locals, params }) =>
		handleForm(request, noFields, async () => {
			await erasePerson(getDb(), locals.actor, idParam(params.id));
			redirect(303, '/admin/panel');
		})
};
