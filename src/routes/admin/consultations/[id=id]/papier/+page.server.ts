import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/auth/guards';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { consultationHeader, idParam } from '$lib/server/consultations/admin-page';
import { sectionView } from '$lib/server/consultations/view';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'consultations.results');
	const db = getDb();
	const id = idParam(params.id);
	const questionnaire = await loadQuestionnaire(db, id);
	return {
		consultation: await consultationHeader(db, id),
		sections: questionnaire.sections.map((s) => sectionView(s, questionnaire))
	};
};
