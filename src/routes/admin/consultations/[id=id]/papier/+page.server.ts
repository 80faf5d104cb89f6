import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { sectionView } from '$lib/server/consultations/view';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'consultations.results');
	const db = getDb();
	const id = idParam(params.id);
	const questionnaire = await loadQuestionnaire(db, id);
	return {
		consultation: await consultationHeader(db, locals.actor, id, 'consultations.results'),
		sections: questionnaire.sections.map((s) => sectionView(s, questionnaire))
	};
};
