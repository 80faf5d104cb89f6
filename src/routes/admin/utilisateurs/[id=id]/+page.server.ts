import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { updateUserSchema } from '$lib/server/users/schemas';
import { getUser, updateUser } from '$lib/server/users/service';
import { ROLE_LABELS, ROLES } from '$lib/server/auth/permissions';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { idParam } from '$lib/server/web/params';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'users.manage');
	const user = await orHttpError(getUser(getDb(), actor, idParam(params.id)));
	return {
		account: user,
		values: { displayName: user.displayName, role: user.role as string, active: user.active },
		roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))
	};
};

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		handleForm(request, updateUserSchema, async (changes) => {
			await updateUser(getDb(), locals.actor, idParam(params.id), changes);
			return 'Les modifications sont enregistrées.';
		})
};
