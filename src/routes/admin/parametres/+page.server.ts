import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { departmentSchema, getDepartment } from '$lib/server/settings/settings';
import { changeDepartment } from '$lib/server/reference/service';
import { failForm } from '$lib/server/http';

const adapter = zod4(departmentSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'settings.manage');
	return { form: await superValidate(await getDepartment(getDb()), adapter, { errors: false }) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		let count: number;
		try {
			count = await changeDepartment(getDb(), locals.actor, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, {
			type: 'success',
			text: `Département enregistré : ${count} communes chargées. Rattachez leurs intercommunalités à un territoire dans le référentiel.`
		});
	}
};
