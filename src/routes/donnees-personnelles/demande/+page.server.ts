import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/forms';
import { privacyRequestSchema, requestByEmail } from '$lib/server/privacy/rights';

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const parsed = readForm(privacyRequestSchema, { email });
		if (!parsed.ok) return fail(400, { email, errors: parsed.errors });
		try {
			await requestByEmail(locals.ctx, parsed.data.email, getClientAddress());
		} catch (caught) {
			return failPlain(caught, { email, errors: {} });
		}
		return { sent: parsed.data.email };
	}
};
