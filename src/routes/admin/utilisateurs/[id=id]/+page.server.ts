import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { updateUserSchema } from '$lib/server/users/schemas';
import { getUser, updateUser } from '$lib/server/users/service';
import { ROLE_LABELS, ROLES } from '$lib/server/auth/permissions';
import { failForm, orHttpError } from '$lib/server/web/http';

const adapter = zod4(updateUserSchema);

function parseId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'Ce compte n’existe pas.' });
	return id;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'users.manage');
	const user = await orHttpError(getUser(getDb(), actor, parseId(params.id)));
	return {
		account: user,
		form: await superValidate(
			{ displayName: user.displayName, role: user.role, active: user.active },
			adapter,
			{ errors: false }
		),
		roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		try {
			await updateUser(getDb(), locals.actor, parseId(params.id), form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, { type: 'success', text: 'Les modifications sont enregistrées.' });
	}
};
