import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { responsesStarted } from '$lib/server/consultations/admin-page';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	addProfileBlock,
	addQuestion,
	addSection,
	deleteQuestion,
	deleteSection,
	duplicateQuestion,
	duplicateSection,
	moveQuestion,
	moveSection,
	updateSection
} from '$lib/server/consultations/builder';
import { loadQuestionnaire } from '$lib/server/consultations/queries';
import { questionSchema, sectionSchema } from '$lib/server/consultations/schemas';

/** A new question: its first settings, and the section it goes in. */
const newQuestionSchema = questionSchema.extend({ sectionId: postedId });
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { sectionView } from '$lib/server/consultations/view';
import { handleForm, type PostedValues } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { isQuestionKind, QUESTION_KIND_LABELS, QUESTION_KINDS } from '$lib/consultation-vocabulary';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'consultations.manage');
	const db = getDb();
	const id = idParam(params.id);
	const consultation = await consultationHeader(db, locals.actor, id);
	const questionnaire = await loadQuestionnaire(db, id);
	return {
		consultation,
		sections: questionnaire.sections.map((s) => sectionView(s, questionnaire)),
		hasProfile: questionnaire.sections.some((s) => s.questions.some((q) => q.profileKey)),
		locked: await responsesStarted(db, locals.actor, id),
		kinds: QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] })),
		// Without JavaScript, a question's type is chosen first (?ajout=section&type=kind).
		adding: {
			sectionId: Number(url.searchParams.get('ajout')) || null,
			kind: isQuestionKind(url.searchParams.get('type')) ? url.searchParams.get('type') : null
		}
	};
};

/** The row a button is about, and where to move it. */
const target = z.object({
	sectionId: postedId,
	questionId: postedId,
	direction: z
		.string()
		.default('')
		.transform((v): 'up' | 'down' => (v === 'up' ? 'up' : 'down'))
});
type Target = z.output<typeof target>;

/** Where the page shows the answer: by the section or question posted, or at the top. */
const scopeOf = (values: PostedValues) => ({
	scope: String(values.sectionId ?? values.questionId ?? 'page')
});

/** Runs one builder change on the row posted and reports it as the page expects. */
function change(request: Request, done: string, work: (row: Target) => Promise<unknown>) {
	return handleForm(
		request,
		target,
		async (row) => {
			await work(row);
			return done;
		},
		{ firstError: true, answer: scopeOf }
	);
}

export const actions: Actions = {
	addSection: ({ request, locals, params }) =>
		handleForm(
			request,
			sectionSchema,
			async (section) => {
				await addSection(getDb(), locals.actor, idParam(params.id), section);
				return 'Section ajoutée.';
			},
			{ firstError: true, answer: () => ({ scope: 'new-section' }) }
		),
	updateSection: ({ request, locals, params }) =>
		handleForm(
			request,
			sectionSchema.extend({ sectionId: postedId }),
			async ({ sectionId, ...section }) => {
				await updateSection(getDb(), locals.actor, idParam(params.id), sectionId, section);
				return 'Section enregistrée.';
			},
			{ firstError: true, answer: scopeOf }
		),
	moveSection: ({ request, locals, params }) =>
		change(request, 'Section déplacée.', (row) =>
			moveSection(getDb(), locals.actor, idParam(params.id), row.sectionId, row.direction)
		),
	duplicateSection: ({ request, locals, params }) =>
		change(request, 'Section dupliquée, à la fin du questionnaire.', (row) =>
			duplicateSection(getDb(), locals.actor, idParam(params.id), row.sectionId)
		),
	deleteSection: ({ request, locals, params }) =>
		change(request, 'Section supprimée.', (row) =>
			deleteSection(getDb(), locals.actor, idParam(params.id), row.sectionId)
		),
	addQuestion: ({ request, locals, params }) =>
		handleForm(
			request,
			newQuestionSchema,
			async ({ sectionId, ...question }) => {
				const questionId = await addQuestion(
					getDb(),
					locals.actor,
					idParam(params.id),
					sectionId,
					question
				);
				redirect(303, `/admin/consultations/${params.id}/questions/${questionId}?ajoutee`);
			},
			{ firstError: true, answer: scopeOf }
		),
	moveQuestion: ({ request, locals, params }) =>
		change(request, 'Question déplacée.', (row) =>
			moveQuestion(getDb(), locals.actor, idParam(params.id), row.questionId, row.direction)
		),
	duplicateQuestion: ({ request, locals, params }) =>
		change(request, 'Question dupliquée, à la fin de sa section.', (row) =>
			duplicateQuestion(getDb(), locals.actor, idParam(params.id), row.questionId)
		),
	deleteQuestion: ({ request, locals, params }) =>
		change(request, 'Question supprimée.', (row) =>
			deleteQuestion(getDb(), locals.actor, idParam(params.id), row.questionId)
		),
	addProfile: ({ request, locals, params }) =>
		change(request, 'Bloc profil standard ajouté à la fin.', () =>
			addProfileBlock(getDb(), locals.actor, idParam(params.id))
		)
};
