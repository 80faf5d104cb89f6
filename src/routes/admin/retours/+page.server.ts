import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { createRetour, listRetours } from '$lib/server/retours/manage';
import { retourSchema } from '$lib/server/retours/schemas';
import { retourFormOptions } from '$lib/server/retours/admin-page';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const db = getDb();
	return {
		retours: await listRetours(db, actor),
		options: await retourFormOptions(db, locals.actor)
	};
};

export const actions: Actions = {
	default: ({ request, locals, url }) => {
		requirePermission(locals, url, 'retours.manage');
		return handleForm(request, retourSchema, async (retour) => {
			const id = await createRetour(getDb(), locals.actor, retour);
			redirect(303, `/admin/retours/${id}`);
		});
	}
};
