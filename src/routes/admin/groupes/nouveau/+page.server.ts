import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/plain-form';
import { createGroup } from '$lib/server/groups/manage';
import { groupSchema } from '$lib/server/groups/schemas';
import { groupFormOptions, textFields } from '$lib/server/groups/admin-page';

const FIELDS = ['name', 'slug', 'kind', 'territoryId', 'description'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'groups.manage');
	return { options: await groupFormOptions(getDb(), locals.actor) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'groups.manage');
		const values = textFields(await request.formData(), FIELDS);
		const parsed = readForm(groupSchema, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		let id: number;
		try {
			id = await createGroup(getDb(), locals.actor, parsed.data);
		} catch (caught) {
			return failPlain(caught, { values, errors: {} as Record<string, string> });
		}
		redirect(303, `/admin/groupes/${id}`);
	}
};
