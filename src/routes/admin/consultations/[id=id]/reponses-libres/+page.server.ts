import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/web/query-params';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { listFreeTexts } from '$lib/server/consultations/results';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { allQuestions } from '$lib/server/consultations/model';
import { can } from '$lib/server/auth/permissions';
import { inboxFilterParams } from '$lib/server/contributions/admin-page';
import { themeAnalysisOf } from '$lib/server/themes/analyses';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'consultations.results');
	const db = getDb();
	const id = idParam(params.id);
	const questionnaire = await loadQuestionnaire(db, id);
	const textQuestions = allQuestions(questionnaire)
		.filter((q) => (q.kind === 'texte_court' || q.kind === 'texte_long') && !q.profileKey)
		.map((q) => ({ value: String(q.id), label: `Q${q.number}. ${q.label}`, number: q.number }));
	const question = textQuestions.find((q) => q.value === url.searchParams.get('question'));
	const search = (url.searchParams.get('q') ?? '').slice(0, 200);
	const page = pageParam(url);
	const { total, items } = await listFreeTexts(db, locals.actor, questionnaire, {
		questionId: question ? Number(question.value) : undefined,
		search,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	const numbers = new Map(textQuestions.map((q) => [Number(q.value), q.number]));
	// The themes of all the free answers, or of the question chosen.
	const scope = { consultationId: id, questionId: question ? Number(question.value) : undefined };
	return {
		themes: can(locals.actor, 'contributions.manage')
			? {
					scope: inboxFilterParams(scope),
					analysis: await themeAnalysisOf(db, locals.actor, scope)
				}
			: null,
		consultation: await consultationHeader(db, locals.actor, id, 'consultations.results'),
		textQuestions,
		filters: { question: question?.value ?? '', q: search },
		total,
		page,
		pageSize: PAGE_SIZE,
		items: items.map((item) => ({ ...item, number: numbers.get(item.questionId) ?? 0 }))
	};
};
