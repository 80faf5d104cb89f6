import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { getPublicConsultation } from '$lib/server/consultations/public';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { loadResultsPage } from '$lib/server/consultations/results-page';
import { renderMarkdown } from '$lib/server/markdown';
import { getDisclosureThreshold } from '$lib/server/settings/settings';
import { consultationThemes } from '$lib/server/themes/published';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const consultation = await orHttpError(getPublicConsultation(db, params.slug));
	if (consultation.status !== 'resultats_publies')
		error(404, { message: 'Les résultats de cette consultation ne sont pas encore publiés.' });
	const questionnaire = await loadQuestionnaire(db, consultation.id);
	const threshold = await getDisclosureThreshold(db);
	return {
		themes: await consultationThemes(db, consultation.id, { threshold }),
		consultation: {
			slug: consultation.slug,
			title: consultation.title,
			falcSummary: consultation.falcSummary,
			presentationHtml: renderMarkdown(consultation.presentation),
			opensAt: consultation.opensAt,
			closesAt: consultation.closesAt
		},
		results: await loadResultsPage(db, questionnaire, url, { threshold })
	};
};
