import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getQuestion, updateQuestion } from '$lib/server/consultations/builder';
import { questionSchema } from '$lib/server/consultations/schemas';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { questionView } from '$lib/server/consultations/view';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal } from '$lib/server/web/forms';
import { isQuestionKind, QUESTION_KIND_LABELS, QUESTION_KINDS } from '$lib/consultation-vocabulary';

type Values = Record<string, string | string[] | boolean | number | undefined>;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'consultations.manage');
	const db = getDb();
	const id = idParam(params.id);
	const consultation = await consultationHeader(db, locals.actor, id);
	const current = await orHttpError(getQuestion(db, actor, id, idParam(params.questionId)));
	const questionnaire = await loadQuestionnaire(db, id);
	const frozen = current.locked || current.question.profileKey !== null;
	// Without JavaScript the type is chosen first (?type=), then its settings are shown.
	const asked = url.searchParams.get('type');
	const kind = !frozen && isQuestionKind(asked) ? asked : current.input.kind;
	return {
		consultation,
		question: questionView(current.question, questionnaire),
		profile: current.question.profileKey !== null,
		values: { ...current.input, kind } as Values,
		kindChanged: kind !== current.input.kind,
		locked: current.locked,
		added: url.searchParams.has('ajoutee'),
		earlier: current.earlierChoiceQuestions.map((q) => ({
			id: q.id,
			number: q.number,
			label: q.label,
			options: q.options.map((o) => ({ id: o.id, label: o.label }))
		})),
		kinds: QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const posted = await readPosted(request, questionSchema);
		if (!posted.ok) return posted.failure;
		const db = getDb();
		const id = idParam(params.id);
		// The question a condition depends on is the one whose options were ticked.
		const question = posted.data;
		const questionnaire = await loadQuestionnaire(db, id);
		const source = questionnaire.sections
			.flatMap((s) => s.questions)
			.find((q) => q.options.some((o) => question.conditionOptionIds.includes(String(o.id))));
		const values = posted.values;
		try {
			await updateQuestion(db, locals.actor, id, idParam(params.questionId), {
				...question,
				conditionQuestionId: source ? String(source.id) : ''
			});
		} catch (caught) {
			return refusal(caught, { values, errors: {} as Record<string, string> });
		}
		return { saved: true, values, errors: {} as Record<string, string> };
	}
};
