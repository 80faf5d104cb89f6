import type { PageServerLoad } from './$types';
import { consultationForOffice } from '$lib/server/consultations/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listCommuneChoices, loadQuestionnaire } from '$lib/server/consultations/queries';
import { idParam } from '$lib/server/web/params';
import { sectionView } from '$lib/server/consultations/view';
import { renderMarkdown } from '$lib/server/markdown';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'consultations.results');
	const db = getDb();
	const id = idParam(params.id);
	const consultation = await orHttpError(
		consultationForOffice(db, locals.actor, id, 'consultations.results')
	);
	const questionnaire = await loadQuestionnaire(db, id);
	return {
		consultation: {
			id,
			title: consultation.title,
			falcSummary: consultation.falcSummary,
			presentationHtml: renderMarkdown(consultation.presentation)
		},
		sections: questionnaire.sections.map((s) => sectionView(s, questionnaire)),
		communes: await listCommuneChoices(db)
	};
};
