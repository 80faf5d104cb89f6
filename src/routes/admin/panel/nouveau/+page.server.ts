import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { PANEL_CONSENT, SITUATION_CONSENT } from '$lib/server/panel/people';
import { officerPersonSchema, personFormValues, readPersonForm } from '$lib/server/panel/schemas';
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
	default: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const values = personFormValues(await request.formData());
		const parsed = readPersonForm(officerPersonSchema, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, error: null });
		let id: number;
		try {
			id = await registerPersonByOfficer(getDb(), locals.actor, parsed.data);
		} catch (caught) {
			return failPlain(caught, { values, errors: {} as Record<string, string> });
		}
		redirect(303, `/admin/panel/${id}`);
	}
};
