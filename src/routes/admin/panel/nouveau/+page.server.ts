import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { PANEL_CONSENT, SITUATION_CONSENT } from '$lib/server/panel/people';
import { officerPersonSchema, personChecks } from '$lib/server/panel/schemas';
import { registerPersonByOfficer } from '$lib/server/panel/registry';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'panel.manage');
	return {
		communes: (await listCommuneChoices(getDb())).map((c) => ({ code: c.code, name: c.name })),
		consent: PANEL_CONSENT.text,
		situationConsent: SITUATION_CONSENT.text
	};
};

export const actions: Actions = {
	default: ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		return handleForm(
			request,
			officerPersonSchema,
			async (person) => {
				const id = await registerPersonByOfficer(getDb(), locals.actor, person);
				redirect(303, `/admin/panel/${id}`);
			},
			{ alsoCheck: personChecks }
		);
	}
};
