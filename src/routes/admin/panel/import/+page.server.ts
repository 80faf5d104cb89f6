import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { readPosted, refusal } from '$lib/server/web/forms';
import { tickBox } from '$lib/server/form-fields';
import { PANEL_CONSENT, SITUATION_CONSENT } from '$lib/server/panel/people';
import {
	decodeSpreadsheetText,
	importPeople,
	previewImport,
	type ImportOptions
} from '$lib/server/panel/import';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const SHOWN_ERRORS = 200;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'panel.manage');
	return { consent: PANEL_CONSENT.text, situationConsent: SITUATION_CONSENT.text };
};

/** How the file's people join: their consents, as the officer ticked them, and their status. */
const optionsSchema = z.object({
	consent: tickBox,
	situationConsent: tickBox,
	status: z
		.string()
		.default('')
		.transform((v): ImportOptions['status'] => (v === 'actif' ? 'actif' : 'candidat'))
});
const optionsOf = ({ consent, situationConsent, status }: ImportOptions): ImportOptions => ({
	consent,
	situationConsent,
	status
});
const previewSchema = optionsSchema.extend({
	file: z.union([z.instanceof(File), z.literal('')]).default('')
});
const importSchema = optionsSchema.extend({
	text: z.string().default(''),
	fileName: z
		.string()
		.default('')
		.transform((name) => (name || 'fichier').slice(0, 200))
});

export const actions: Actions = {
	preview: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const posted = await readPosted(request, previewSchema);
		if (!posted.ok) return posted.failure;
		const options = optionsOf(posted.data);
		const { file } = posted.data;
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { options, error: 'Choisissez le fichier à importer.' });
		if (file.size > MAX_FILE_BYTES)
			return fail(400, { options, error: 'Le fichier dépasse 2 Mo : découpez-le en plusieurs.' });
		if (!options.consent)
			return fail(400, {
				options,
				error:
					'Cochez la case : chaque personne du fichier doit avoir accepté de rejoindre le panel.'
			});
		const text = decodeSpreadsheetText(new Uint8Array(await file.arrayBuffer()));
		try {
			const preview = await previewImport(getDb(), locals.actor, text, options);
			return {
				options,
				fileName: file.name.slice(0, 200),
				text,
				columns: preview.columns,
				valid: preview.valid,
				invalid: preview.invalid,
				rejected: preview.rows
					.filter((r) => r.errors.length)
					.slice(0, SHOWN_ERRORS)
					.map((r) => ({ line: r.line, name: r.name, errors: r.errors }))
			};
		} catch (caught) {
			return refusal(caught, { options });
		}
	},
	import: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const posted = await readPosted(request, importSchema);
		if (!posted.ok) return posted.failure;
		const options = optionsOf(posted.data);
		const { text, fileName } = posted.data;
		try {
			const result = await importPeople(getDb(), locals.actor, text, fileName, options);
			return { options, imported: result.imported, notImported: result.rejected };
		} catch (caught) {
			return refusal(caught, { options });
		}
	}
};
