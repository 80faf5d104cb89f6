import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getRuntime, siteOrigin } from '$lib/server/runtime';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/plain-form';
import { privacyRequestSchema, requestByEmail } from '$lib/server/privacy/rights';

export const actions: Actions = {
	default: async ({ request, url, getClientAddress }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const parsed = readForm(privacyRequestSchema, { email });
		if (!parsed.ok) return fail(400, { email, errors: parsed.errors });
		const { db, mailer, config } = getRuntime();
		try {
			await requestByEmail(db, mailer, parsed.data.email, {
				origin: siteOrigin(url),
				clientAddress: getClientAddress(),
				perHour: config.submissionsPerHour
			});
		} catch (caught) {
			return failPlain(caught, { email, errors: {} });
		}
		return { sent: parsed.data.email };
	}
};
