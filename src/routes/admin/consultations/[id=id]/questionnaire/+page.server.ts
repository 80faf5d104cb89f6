import { fail, redirect } from '@sveltejs/kit';
import { wholeNumber } from '$lib/codes';
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
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { sectionView } from '$lib/server/consultations/view';
import { failPlain } from '$lib/server/web/http';
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

type Fields = Record<string, string>;
async function fields(request: Request): Promise<Fields> {
	const data = await request.formData();
	const out: Fields = {};
	for (const [key, value] of data) if (typeof value === 'string') out[key] = value;
	return out;
}
const direction = (f: Fields) => (f.direction === 'up' ? 'up' : 'down');
const num = (value: string | undefined) => wholeNumber(value) ?? -1;

/** Runs one builder change and reports it as the page expects. */
async function change(f: Fields, done: string, work: () => Promise<unknown>) {
	try {
		await work();
	} catch (caught) {
		return failPlain(caught, { scope: f.sectionId ?? f.questionId ?? 'page' });
	}
	return { done };
}

export const actions: Actions = {
	addSection: async ({ request, locals, params }) => {
		const f = await fields(request);
		const parsed = sectionSchema.safeParse(f);
		if (!parsed.success)
			return fail(400, {
				error: parsed.error.issues[0].message,
				scope: 'new-section',
				field: 'title'
			});
		return change(f, 'Section ajoutée.', () =>
			addSection(getDb(), locals.actor, idParam(params.id), parsed.data)
		);
	},
	updateSection: async ({ request, locals, params }) => {
		const f = await fields(request);
		const parsed = sectionSchema.safeParse(f);
		if (!parsed.success)
			return fail(400, {
				error: parsed.error.issues[0].message,
				scope: f.sectionId,
				field: 'title'
			});
		return change(f, 'Section enregistrée.', () =>
			updateSection(getDb(), locals.actor, idParam(params.id), num(f.sectionId), parsed.data)
		);
	},
	moveSection: async ({ request, locals, params }) => {
		const f = await fields(request);
		return change(f, 'Section déplacée.', () =>
			moveSection(getDb(), locals.actor, idParam(params.id), num(f.sectionId), direction(f))
		);
	},
	duplicateSection: async ({ request, locals, params }) => {
		const f = await fields(request);
		return change(f, 'Section dupliquée, à la fin du questionnaire.', () =>
			duplicateSection(getDb(), locals.actor, idParam(params.id), num(f.sectionId))
		);
	},
	deleteSection: async ({ request, locals, params }) => {
		const f = await fields(request);
		return change(f, 'Section supprimée.', () =>
			deleteSection(getDb(), locals.actor, idParam(params.id), num(f.sectionId))
		);
	},
	addQuestion: async ({ request, locals, params }) => {
		const f = await fields(request);
		const parsed = questionSchema.safeParse({
			kind: f.kind,
			label: f.label,
			required: f.required === 'on',
			options: f.options ?? '',
			allowOther: f.allowOther === 'on',
			exclusiveLast: f.exclusiveLast === 'on'
		});
		if (!parsed.success)
			return fail(400, {
				error: parsed.error.issues[0].message,
				scope: f.sectionId,
				field: String(parsed.error.issues[0].path[0]),
				values: f
			});
		let questionId: number;
		try {
			questionId = await addQuestion(
				getDb(),
				locals.actor,
				idParam(params.id),
				num(f.sectionId),
				parsed.data
			);
		} catch (caught) {
			return failPlain(caught, { scope: f.sectionId, values: f });
		}
		redirect(303, `/admin/consultations/${params.id}/questions/${questionId}?ajoutee`);
	},
	moveQuestion: async ({ request, locals, params }) => {
		const f = await fields(request);
		return change(f, 'Question déplacée.', () =>
			moveQuestion(getDb(), locals.actor, idParam(params.id), num(f.questionId), direction(f))
		);
	},
	duplicateQuestion: async ({ request, locals, params }) => {
		const f = await fields(request);
		return change(f, 'Question dupliquée, à la fin de sa section.', () =>
			duplicateQuestion(getDb(), locals.actor, idParam(params.id), num(f.questionId))
		);
	},
	deleteQuestion: async ({ request, locals, params }) => {
		const f = await fields(request);
		return change(f, 'Question supprimée.', () =>
			deleteQuestion(getDb(), locals.actor, idParam(params.id), num(f.questionId))
		);
	},
	addProfile: async ({ locals, params }) => {
		return change({}, 'Bloc profil standard ajouté à la fin.', () =>
			addProfileBlock(getDb(), locals.actor, idParam(params.id))
		);
	}
};
