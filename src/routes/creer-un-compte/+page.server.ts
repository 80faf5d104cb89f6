import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { residentSignupSchema } from '$lib/server/users/schemas';
import { signUpResident } from '$lib/server/users/signup';
import { failForm } from '$lib/server/web/http';
import { getRetentionPeriods } from '$lib/server/privacy/periods';
import { formatPeriod } from '$lib/server/privacy/purposes';

const adapter = zod4(residentSignupSchema);

export const load: PageServerLoad = async () => ({
	form: await superValidate(adapter),
	// Said as the retention job applies it, even after an administrator shortens it.
	accountsKept: formatPeriod((await getRetentionPeriods(getDb())).comptes)
});

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		try {
			await signUpResident(locals.ctx, form.data, getClientAddress());
		} catch (caught) {
			return failForm(form, caught);
		}
		// The same answer whether the address had an account or not.
		return message(form, {
			type: 'success',
			text: `C’est presque fini : nous venons d’envoyer un message à ${form.data.email}. Ouvrez le lien qu’il contient, dans les 7 jours, pour choisir votre mot de passe. Pensez à regarder dans les courriers indésirables.`
		});
	}
};
