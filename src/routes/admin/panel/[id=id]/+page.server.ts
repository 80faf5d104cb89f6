import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { erasePerson, getPersonDetail, updatePersonStatus } from '$lib/server/panel/registry';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	return { person: await orHttpError(getPersonDetail(getDb(), locals.actor, idParam(params.id))) };
};

export const actions: Actions = {
	status: async ({ request, locals, params }) => {
		const data = await request.formData();
		const change = {
			status: String(data.get('status') ?? ''),
			mandateStart: String(data.get('mandateStart') ?? ''),
			mandateEnd: String(data.get('mandateEnd') ?? '')
		};
		try {
			await updatePersonStatus(getDb(), locals.actor, idParam(params.id), change);
			return { done: 'Statut et mandat enregistrés.' };
		} catch (caught) {
			return failPlain(caught, { change });
		}
	},
	erase: async ({ locals, params }) => {
		try {
			await erasePerson(getDb(), locals.actor, idParam(params.id));
		} catch (caught) {
			return failPlain(caught);
		}
		redirect(303, '/admin/panel');
	}
};
