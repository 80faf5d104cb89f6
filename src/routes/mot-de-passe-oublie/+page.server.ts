import type { Actions } from './$types';
import { resetRequestSchema } from '$lib/server/auth/schemas';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { handleForm } from '$lib/server/web/forms';

export const actions: Actions = {
	default: ({ request, locals, getClientAddress }) =>
		handleForm(request, resetRequestSchema, async ({ email }) => {
			// Not awaiting the delivery keeps the answer time the same whether the account exists or not.
			await requestPasswordReset(locals.ctx, { email, ipAddress: getClientAddress() });
			return `Si un compte existe pour ${email}, nous venons d’y envoyer un lien pour choisir un nouveau mot de passe. Il est valable une heure. Pensez à regarder dans les courriers indésirables.`;
		})
};
