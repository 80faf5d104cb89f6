import { z } from 'zod';
import { handleForm } from '$lib/server/web/forms';
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

/** An uploaded file, or nothing when none was chosen. */
const upload = z
	.union([z.instanceof(File), z.literal('')])
	.optional()
	.transform((file) => (file instanceof File && file.size > 0 ? file : undefined));

const filesSchema = z.object(
	Object.fromEntries(Object.keys(FIELDS).map((key) => [key, upload])) as Record<
		keyof SchemaSources,
		typeof upload
	>
);

async function textOf(field: keyof SchemaSources, file: File | undefined) {
	if (!file) return undefined;
	if (file.size > MAX_FILE_BYTES) throw new DomainError(400, `« ${FIELDS[field]} » dépasse 2 Mo.`);
	return file.text();
}

export const actions: Actions = {
	default: ({ request, locals }) =>
		handleForm(request, filesSchema, async (files) => {
			const entries = await Promise.all(
				(Object.keys(FIELDS) as (keyof SchemaSources)[]).map(
					async (key) => [key, await textOf(key, files[key])] as const
				)
			);
			const sources = Object.fromEntries(entries) as Partial<SchemaSources>;
			if (!sources.sectoral || !sources.departmental)
				throw new DomainError(
					400,
					'Choisissez au moins les deux fichiers de fiches-actions (sectorielles et départementales).'
				);
			return { report: await importSchema(getDb(), locals.actor, sources as SchemaSources) };
		})
};
