import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { createGroup } from '$lib/server/groups/manage';
import { groupSchema } from '$lib/server/groups/schemas';
import { groupFormOptions } from '$lib/server/groups/admin-page';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'groups.manage');
	return { options: await groupFormOptions(getDb(), locals.actor) };
};

export const actions: Actions = {
	default: ({ request, locals, url }) => {
		requirePermission(locals, url, 'groups.manage');
		return handleForm(request, groupSchema, async (group) => {
			const id = await createGroup(getDb(), locals.actor, group);
			redirect(303, `/admin/groupes/${id}`);
		});
	}
};
