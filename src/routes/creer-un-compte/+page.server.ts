import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { residentSignupSchema } from '$lib/server/users/schemas';
import { signUpResident } from '$lib/server/users/signup';
import { handleForm } from '$lib/server/web/forms';
import { getRetentionPeriods } from '$lib/server/privacy/periods';
import { formatPeriod } from '$lib/server/privacy/purposes';

export const load: PageServerLoad = async () => ({
	// Said as the retention job applies it, even after an administrator shortens it.
	accountsKept: formatPeriod((await getRetentionPeriods(getDb())).comptes)
});

export const actions: Actions = {
	default: ({ request, locals, getClientAddress }) =>
		handleForm(request, residentSignupSchema, async (signup) => {
			await signUpResident(locals.ctx, signup, getClientAddress());
			// The same answer whether the address had an account or not.
			return `C’est presque fini : nous venons d’envoyer un message à ${signup.email}. Ouvrez le lien qu’il contient, dans les 7 jours, pour choisir votre mot de passe. Pensez à regarder dans les courriers indésirables.`;
		})
};
