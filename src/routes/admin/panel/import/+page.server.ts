import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
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

function readOptions(data: FormData): ImportOptions {
	return {
		consent: data.get('consent') === 'on',
		situationConsent: data.get('situationConsent') === 'on',
		status: data.get('status') === 'actif' ? 'actif' : 'candidat'
	};
}

async function formData(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

export const actions: Actions = {
	preview: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const data = await formData(request);
		if (!data) return fail(400, { error: 'Le fichier n’a pas pu être lu. Réessayez.' });
		const options = readOptions(data);
		const file = data.get('file');
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
			return failPlain(caught, { options });
		}
	},
	import: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const data = await formData(request);
		if (!data) return fail(400, { error: 'Le formulaire n’a pas pu être lu. Réessayez.' });
		const options = readOptions(data);
		const text = String(data.get('text') ?? '');
		const fileName = String(data.get('fileName') ?? 'fichier').slice(0, 200);
		try {
			const result = await importPeople(getDb(), locals.actor, text, fileName, options);
			return { options, imported: result.imported, notImported: result.rejected };
		} catch (caught) {
			return failPlain(caught, { options });
		}
	}
};
