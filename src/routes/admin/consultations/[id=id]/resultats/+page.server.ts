import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { loadResultsPage } from '$lib/server/consultations/results-page';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { consultationThemes } from '$lib/server/themes/published';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'consultations.results');
	const db = getDb();
	const id = idParam(params.id);
	const consultation = await consultationHeader(db, locals.actor, id, 'consultations.results');
	const questionnaire = await loadQuestionnaire(db, id);
	return {
		consultation,
		results: await loadResultsPage(db, questionnaire, url, { actor }),
		canExportPersonal: can(actor, 'consultations.export_personal'),
		themes: await consultationThemes(db, id, { actor }),
		canEditThemes: can(actor, 'contributions.manage')
	};
};
