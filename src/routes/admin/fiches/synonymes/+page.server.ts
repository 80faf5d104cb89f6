import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import {
	parseSynonyms,
	saveSynonyms,
	synonymsText,
	synonymGroupsForEditing
} from '$lib/server/search/synonyms';
import { InvalidInputError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'fiches.edit');
	return { text: synonymsText(await synonymGroupsForEditing(getDb(), locals.actor)) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const text = String(data.get('synonyms') ?? '');
		try {
			if (data.get('intent') === 'defaults') {
				await saveSynonyms(getDb(), locals.actor, 'defaults');
				return { saved: 'Les groupes proposés par Concerto sont rétablis.' };
			}
			if (text.length > 20_000) throw new InvalidInputError('Le texte est trop long.', 'synonyms');
			await saveSynonyms(getDb(), locals.actor, parseSynonyms(text));
		} catch (caught) {
			const failed = failPlain(caught, { text });
			return fail(failed.status, failed.data);
		}
		return { saved: 'Synonymes enregistrés : la recherche du schéma s’en sert dès maintenant.' };
	}
};
