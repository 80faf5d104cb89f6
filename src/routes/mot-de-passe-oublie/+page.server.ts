import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { resetRequestSchema } from '$lib/server/auth/schemas';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { failForm } from '$lib/server/web/http';

export const load: PageServerLoad = async () => {
	return { form: await superValidate(zod4(resetRequestSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = await superValidate(request, zod4(resetRequestSchema));
		if (!form.valid) return fail(400, { form });
		try {
			// Not awaiting the delivery keeps the answer time the same whether the account exists or not.
			await requestPasswordReset(locals.ctx, {
				email: form.data.email,
				ipAddress: getClientAddress()
			});
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, {
			type: 'success',
			text: `Si un compte existe pour ${form.data.email}, nous venons d’y envoyer un lien pour choisir un nouveau mot de passe. Il est valable une heure. Pensez à regarder dans les courriers indésirables.`
		});
	}
};
