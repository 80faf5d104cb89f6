import type { Actions } from './$types';
import { handleForm } from '$lib/server/web/forms';
import { privacyRequestSchema, requestByEmail } from '$lib/server/privacy/rights';

export const actions: Actions = {
	default: ({ request, locals, getClientAddress }) =>
		handleForm(
			request,
			privacyRequestSchema,
			async ({ email }) => {
				await requestByEmail(locals.ctx, email, getClientAddress());
				return { sent: email };
			},
			{ answer: (values) => ({ email: String(values.email ?? '') }) }
		)
};
