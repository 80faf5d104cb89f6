// Shared by the "new site" and "edit site" pages.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../runtime';
import { handleForm } from './forms';
import { listCommunes, saveSite, siteSchema, SITE_KINDS } from '../reference/service';
import type { Actor } from '../auth/permissions';

export async function siteFormOptions(actor: Actor) {
	const communes = await listCommunes(getDb(), actor, {});
	return {
		communes: communes.map((c) => ({
			value: c.inseeCode,
			label: `${c.name} (${c.postalCodes[0] ?? c.inseeCode})`
		})),
		kinds: Object.entries(SITE_KINDS).map(([value, label]) => ({ value, label }))
	};
}

/** What the site form shows: text as the fields hold it. */
export interface SiteFormValues {
	name: string;
	kind: string;
	communeInseeCode: string;
	address: string;
	directions: string;
	note: string;
	active: boolean;
}

export function submitSite(event: RequestEvent, id: number | null) {
	return handleForm(event.request, siteSchema, async (site) => {
		await saveSite(getDb(), event.locals.actor, id, site);
		redirect(303, '/admin/referentiel');
	});
}
