import { fail, redirect } from '@sveltejs/kit';
import { myPanelRecord, openMyRegistration } from '$lib/server/panel/my-registration';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { PANEL_CONSENT, SITUATION_CONSENT } from '$lib/server/panel/people';
import { personChecks, signupSchema } from '$lib/server/panel/schemas';
import { readPosted, refusal } from '$lib/server/web/forms';
import { signUpForPanel } from '$lib/server/panel/signup';

export const load: PageServerLoad = async ({ locals }) => ({
	mine: await myPanelRecord(getDb(), locals.actor),
	// Signed in without a panel record: what the account already says.
	prefill: locals.user
		? {
				firstName: locals.user.displayName.split(' ')[0] ?? '',
				lastName: locals.user.displayName.split(' ').slice(1).join(' '),
				email: locals.user.email
			}
		: null,
	communes: (await listCommuneChoices(getDb())).map((c) => ({ code: c.code, name: c.name })),
	consent: PANEL_CONSENT.text,
	situationConsent: SITUATION_CONSENT.text
});

export const actions: Actions = {
	mine: async ({ locals }) => {
		const token = await openMyRegistration(getDb(), locals.actor);
		if (!token)
			return fail(404, {
				mineError: 'Nous ne trouvons pas d’inscription au panel liée à votre compte.'
			});
		redirect(303, `/panel/inscription/${token}`);
	},
	join: async ({ request, locals, getClientAddress }) => {
		const posted = await readPosted(request, signupSchema, {
			alsoCheck: personChecks,
			honeypot: true
		});
		if (!posted.ok) return posted.failure;
		const { values } = posted;
		try {
			const outcome = await signUpForPanel(locals.ctx, posted.data, getClientAddress());
			return {
				joined: {
					manageLink: outcome.manageToken ? `/panel/inscription/${outcome.manageToken}` : null,
					needsConfirmation: outcome.needsConfirmation
				}
			};
		} catch (caught) {
			return refusal(caught, { values, errors: {} as Record<string, string> });
		}
	}
};
