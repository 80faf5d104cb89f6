import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { getQuestion, updateQuestion } from '$lib/server/consultations/builder';
import { questionSchema, type QuestionInput } from '$lib/server/consultations/schemas';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { questionView } from '$lib/server/consultations/view';
import { failPlain, orHttpError } from '$lib/server/web/http';
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

function integer(value: FormDataEntryValue | null): number | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	return text === '' ? undefined : Number(text);
}

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const data = await request.formData();
		const text = (name: string) => {
			const v = data.get(name);
			return typeof v === 'string' ? v : '';
		};
		const conditionOptionIds = data
			.getAll('conditionOptionIds')
			.filter((v) => typeof v === 'string');
		const db = getDb();
		const id = idParam(params.id);
		const questionId = idParam(params.questionId);
		const questionnaire = await loadQuestionnaire(db, id);
		const source = questionnaire.sections
			.flatMap((s) => s.questions)
			.find((q) => q.options.some((o) => conditionOptionIds.includes(String(o.id))));
		const values = {
			kind: text('kind'),
			label: text('label'),
			help: text('help'),
			required: data.get('required') === 'on',
			options: text('options'),
			allowOther: data.get('allowOther') === 'on',
			exclusiveLast: data.get('exclusiveLast') === 'on',
			scaleMin: integer(data.get('scaleMin')),
			scaleMax: integer(data.get('scaleMax')),
			minLabel: text('minLabel'),
			maxLabel: text('maxLabel'),
			maxChoices: integer(data.get('maxChoices')),
			conditionQuestionId: source ? String(source.id) : '',
			conditionOptionIds
		};
		const parsed = questionSchema.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { values: values as Values, errors });
		}
		try {
			await updateQuestion(db, locals.actor, id, questionId, parsed.data as QuestionInput);
		} catch (caught) {
			return failPlain(caught, { values: values as Values, errors: {} as Record<string, string> });
		}
		return { saved: true, values: values as Values, errors: {} as Record<string, string> };
	}
};
