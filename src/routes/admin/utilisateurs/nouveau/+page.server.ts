import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/web/guards';
import { createUserSchema } from '$lib/server/users/schemas';
import { createUser } from '$lib/server/users/service';
import { ROLE_LABELS, ROLES } from '$lib/server/auth/permissions';
import { handleForm } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'users.manage');
	return { roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })) };
};

export const actions: Actions = {
	default: ({ request, locals }) =>
		handleForm(request, createUserSchema, async (account) => {
			await createUser(locals.ctx, locals.actor, account);
			redirect(303, `/admin/utilisateurs?cree=${encodeURIComponent(account.email)}`);
		})
};
