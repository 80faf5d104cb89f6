// Shared by the "new site" and "edit site" pages.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getDb } from '../runtime';
import { failForm } from './http';
import { listCommunes, saveSite, siteSchema, SITE_KINDS } from '../reference/service';
import type { Actor } from '../auth/permissions';

export const siteAdapter = zod4(siteSchema);

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

export function parseSiteId(raw: string): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'Ce lieu n’existe pas.' });
	return id;
}

export async function submitSite(event: RequestEvent, id: number | null) {
	const form = await superValidate(event.request, siteAdapter);
	if (!form.valid) return fail(400, { form });
	try {
		await saveSite(getDb(), event.locals.actor, id, form.data);
	} catch (caught) {
		return failForm(form, caught);
	}
	redirect(303, '/admin/referentiel');
}
