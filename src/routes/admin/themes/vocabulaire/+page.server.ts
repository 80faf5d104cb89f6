import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { readPosted, refusal } from '$lib/server/web/forms';
import { parseSynonyms, synonymsText } from '$lib/server/search/synonyms';
import {
	saveThemeVocabulary,
	THEME_GROUP_MAX_WORDS,
	themeVocabularyForEditing
} from '$lib/server/themes/vocabulary-settings';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'contributions.manage');
	return { text: synonymsText(await themeVocabularyForEditing(getDb(), locals.actor)) };
};

const vocabularySchema = z.object({
	intent: z.string().default(''),
	vocabulary: z.string().max(40_000, 'Le texte est trop long.').default('')
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const posted = await readPosted(request, vocabularySchema, {
			firstError: true,
			answer: (values) => ({ text: String(values.vocabulary ?? '') })
		});
		if (!posted.ok) return posted.failure;
		const { intent, vocabulary } = posted.data;
		try {
			if (intent === 'defaults') {
				await saveThemeVocabulary(getDb(), locals.actor, 'defaults');
				return { saved: 'Le vocabulaire proposé par Concerto est rétabli.' };
			}
			await saveThemeVocabulary(
				getDb(),
				locals.actor,
				parseSynonyms(vocabulary, THEME_GROUP_MAX_WORDS)
			);
		} catch (caught) {
			return refusal(caught, { text: vocabulary });
		}
		return {
			saved:
				'Vocabulaire enregistré : il servira au prochain calcul des thèmes (« Relancer le calcul »).'
		};
	}
};
