import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/web/guards';
import { createUserSchema } from '$lib/server/users/schemas';
import { createUser } from '$lib/server/users/service';
import { ROLE_LABELS, ROLES } from '$lib/server/auth/permissions';
import { failForm } from '$lib/server/web/http';

const adapter = zod4(createUserSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'users.manage');
	return {
		form: await superValidate(adapter),
		roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		try {
			await createUser(locals.ctx, locals.actor, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		redirect(303, `/admin/utilisateurs?cree=${encodeURIComponent(form.data.email)}`);
	}
};
