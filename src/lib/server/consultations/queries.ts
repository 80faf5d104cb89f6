// Reading consultations and their questionnaires.
import { assertCan, type Actor } from '../auth/permissions';
import type { Executor } from '../db/database';
import { fromDbJson, fromDbBool } from '../db/codecs';
import { InvalidInputError, NotFoundError } from '../errors';
import { PROFILE_KEYS, type ProfileKey } from '$lib/consultation-vocabulary';
import {
	consultationFromRow,
	isQuestionKind,
	type Consultation,
	type DisplayCondition,
	type Question,
	type QuestionSettings,
	type Questionnaire
} from './model';
import { byFrench } from '../db/database';

const NOT_FOUND = 'Cette consultation est introuvable.';

export async function findConsultationBySlug(
	db: Executor,
	slug: string
): Promise<Consultation | null> {
	const row = await db
		.selectFrom('consultation')
		.selectAll()
		.where('slug', '=', slug)
		.executeTakeFirst();
	return row ? consultationFromRow(row) : null;
}

export async function getConsultationById(db: Executor, id: number): Promise<Consultation> {
	if (!Number.isSafeInteger(id)) throw new NotFoundError(NOT_FOUND);
	const row = await db
		.selectFrom('consultation')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError(NOT_FOUND);
	return consultationFromRow(row);
}

export async function getConsultationBySlug(db: Executor, slug: string): Promise<Consultation> {
	const consultation = await findConsultationBySlug(db, slug);
	if (!consultation) throw new NotFoundError(NOT_FOUND);
	return consultation;
}

export async function loadQuestionnaire(
	db: Executor,
	consultationId: number
): Promise<Questionnaire> {
	const [sections, questions, options] = await Promise.all([
		db
			.selectFrom('consultation_section')
			.selectAll()
			.where('consultation_id', '=', consultationId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('question')
			.selectAll()
			.where('consultation_id', '=', consultationId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('question_option')
			.innerJoin('question', 'question.id', 'question_option.question_id')
			.select([
				'question_option.id',
				'question_option.question_id',
				'question_option.label',
				'question_option.is_other'
			])
			.where('question.consultation_id', '=', consultationId)
			.orderBy('question_option.position')
			.orderBy('question_option.id')
			.execute()
	]);
	const optionsByQuestion = Map.groupBy(options, (o) => o.question_id);
	const questionsBySection = Map.groupBy(questions, (q) => q.section_id);
	let number = 0;
	return {
		consultationId,
		sections: sections.map((section) => ({
			id: section.id,
			title: section.title,
			description: section.description,
			questions: (questionsBySection.get(section.id) ?? [])
				.filter((q) => isQuestionKind(q.kind))
				.map((q): Question => ({
					id: q.id,
					sectionId: section.id,
					number: ++number,
					kind: isQuestionKind(q.kind) ? q.kind : 'texte_court',
					label: q.label,
					help: q.help,
					required: fromDbBool(q.required),
					settings: fromDbJson<QuestionSettings>(q.settings, {}),
					condition: fromDbJson<DisplayCondition | null>(q.condition, null),
					profileKey: (PROFILE_KEYS as readonly string[]).includes(q.profile_key ?? '')
						? (q.profile_key as ProfileKey)
						: null,
					options: (optionsByQuestion.get(q.id) ?? []).map((o) => ({
						id: o.id,
						label: o.label,
						isOther: fromDbBool(o.is_other)
					}))
				}))
		}))
	};
}

export async function countSubmittedResponses(
	db: Executor,
	actor: Actor | null,
	consultationId: number
): Promise<number> {
	assertCan(actor, 'consultations.results');
	const row = await db
		.selectFrom('response')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('consultation_id', '=', consultationId)
		.where('status', '=', 'envoyee')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Once anyone has started answering, the questionnaire's structure is locked. */
export async function hasAnyResponse(db: Executor, consultationId: number): Promise<boolean> {
	const row = await db
		.selectFrom('response')
		.select('id')
		.where('consultation_id', '=', consultationId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export interface CommuneChoice {
	code: string;
	name: string;
	territory: string | null;
}

/** Communes of the département, for commune questions and interview places. */
export async function listCommuneChoices(db: Executor): Promise<CommuneChoice[]> {
	const rows = await db
		.selectFrom('commune')
		.leftJoin('territory', 'territory.id', 'commune.territory_id')
		.select(['commune.insee_code', 'commune.name', 'territory.name as territory'])
		.orderBy(byFrench('commune.name'))
		.execute();
	return rows.map((r) => ({ code: r.insee_code, name: r.name, territory: r.territory }));
}

/** The INSEE codes of the département's communes, to check a commune answer. */
export async function listCommuneCodes(db: Executor): Promise<Set<string>> {
	const rows = await db.selectFrom('commune').select('insee_code').execute();
	return new Set(rows.map((r) => r.insee_code));
}

/** A consultation chosen in a form (empty for none), checked to exist. */
export async function chosenConsultationId(
	db: Executor,
	id: number | null
): Promise<number | null> {
	if (
		id &&
		!(await db.selectFrom('consultation').select('id').where('id', '=', id).executeTakeFirst())
	)
		throw new InvalidInputError('Consultation inconnue.', 'consultationId');
	return id;
}
