import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { importSchema, type SchemaSources } from '$lib/server/fiches/import';
import { DomainError } from '$lib/server/errors';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const FIELDS: Record<keyof SchemaSources, string> = {
	sectoral: 'Fiches-actions sectorielles',
	departmental: 'Fiches-actions départementales',
	flagships2025: 'Actions phares 2025',
	flagships2026: 'Actions phares 2026',
	totals2025: 'Totaux du bilan 2025',
	keywords: 'Mots des habitants par fiche'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'fiches.import');
	return { fields: FIELDS };
};

async function readFile(data: FormData, field: keyof SchemaSources): Promise<string | undefined> {
	const file = data.get(field);
	if (!(file instanceof File) || file.size === 0) return undefined;
	if (file.size > MAX_FILE_BYTES) throw new DomainError(400, `« ${FIELDS[field]} » dépasse 2 Mo.`);
	return file.text();
}

export const actions: Actions = {
	default: async ({ request, locals }) => {
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return fail(400, { error: 'Les fichiers n’ont pas pu être lus. Réessayez.' });
		}
		try {
			const entries = await Promise.all(
				(Object.keys(FIELDS) as (keyof SchemaSources)[]).map(
					async (key) => [key, await readFile(data, key)] as const
				)
			);
			const sources = Object.fromEntries(entries) as Partial<SchemaSources>;
			if (!sources.sectoral || !sources.departmental) {
				return fail(400, {
					error:
						'Choisissez au moins les deux fichiers de fiches-actions (sectorielles et départementales).'
				});
			}
			const report = await importSchema(getDb(), locals.actor, sources as SchemaSources);
			return { report };
		} catch (caught) {
			if (caught instanceof DomainError) return fail(caught.status, { error: caught.message });
			throw caught;
		}
	}
};
