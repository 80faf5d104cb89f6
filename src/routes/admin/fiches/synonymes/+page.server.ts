import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { readPosted, refusal } from '$lib/server/web/forms';
import {
	parseSynonyms,
	saveSynonyms,
	synonymsText,
	synonymGroupsForEditing
} from '$lib/server/search/synonyms';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'fiches.edit');
	return { text: synonymsText(await synonymGroupsForEditing(getDb(), locals.actor)) };
};

const synonymsSchema = z.object({
	intent: z.string().default(''),
	synonyms: z.string().max(20_000, 'Le texte est trop long.').default('')
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const posted = await readPosted(request, synonymsSchema, {
			firstError: true,
			answer: (values) => ({ text: String(values.synonyms ?? '') })
		});
		if (!posted.ok) return posted.failure;
		const { intent, synonyms } = posted.data;
		try {
			if (intent === 'defaults') {
				await saveSynonyms(getDb(), locals.actor, 'defaults');
				return { saved: 'Les groupes proposés par Concerto sont rétablis.' };
			}
			await saveSynonyms(getDb(), locals.actor, parseSynonyms(synonyms));
		} catch (caught) {
			return refusal(caught, { text: synonyms });
		}
		return { saved: 'Synonymes enregistrés : la recherche du schéma s’en sert dès maintenant.' };
	}
};
