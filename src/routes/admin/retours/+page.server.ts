import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/forms';
import { createRetour, listRetours } from '$lib/server/retours/manage';
import { retourSchema } from '$lib/server/retours/schemas';
import { readRetourForm, retourFormOptions } from '$lib/server/retours/admin-page';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const db = getDb();
	return {
		retours: await listRetours(db, actor),
		options: await retourFormOptions(db, locals.actor)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'retours.manage');
		const values = readRetourForm(await request.formData());
		const parsed = readForm(retourSchema, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		let id: number;
		try {
			id = await createRetour(getDb(), locals.actor, parsed.data);
		} catch (caught) {
			return failPlain(caught, { values, errors: {} as Record<string, string> });
		}
		redirect(303, `/admin/retours/${id}`);
	}
};
