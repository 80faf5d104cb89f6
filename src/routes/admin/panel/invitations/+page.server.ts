import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { readPosted, refusal } from '$lib/server/web/forms';
import { currentAddressBase, importAddressBase } from '$lib/server/panel/lottery/bases';
import { listCampaigns } from '$lib/server/panel/lottery/campaigns';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'panel.manage');
	const db = getDb();
	return {
		base: await currentAddressBase(db, locals.actor),
		campaigns: await listCampaigns(db, locals.actor)
	};
};

const SHOWN_ERRORS = 50;
const baseSchema = z.object({ file: z.union([z.instanceof(File), z.literal('')]).default('') });

export const actions: Actions = {
	base: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const posted = await readPosted(request, baseSchema, { form: 'base' });
		if (!posted.ok) return posted.failure;
		const { file } = posted.data;
		if (!(file instanceof File) || file.size === 0)
			return fail(400, {
				form: 'base',
				error: 'Choisissez le fichier de la Base Adresse Nationale (.csv ou .csv.gz).',
				field: 'file'
			});
		try {
			const result = await importAddressBase(
				getDb(),
				locals.actor,
				file.stream() as unknown as AsyncIterable<Uint8Array>,
				file.name
			);
			const rejected = {
				rejected: result.errors.slice(0, SHOWN_ERRORS),
				refusedRows: result.rowsRead - (result.base?.addressCount ?? 0)
			};
			if (!result.base)
				return fail(400, {
					form: 'base',
					error: 'Aucune ligne du fichier n’a pu être lue comme une adresse du département.',
					field: 'file',
					...rejected
				});
			return {
				form: 'base',
				done: `${result.base.addressCount.toLocaleString('fr-FR')} adresses importées de « ${result.base.fileName} ».`,
				...rejected
			};
		} catch (caught) {
			return refusal(caught, { form: 'base' });
		}
	}
};
