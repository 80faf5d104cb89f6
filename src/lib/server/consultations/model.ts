// Domain types of consultations, and the rules that need no database:
// status from dates, numbering, display conditions.
import { oneOf } from '$lib/codes';
import {
	ACCESS_MODES,
	AUDIENCES,
	IDENTITY_MODES,
	QUESTION_KINDS,
	type AccessMode,
	type Audience,
	type ConsultationStatus,
	type IdentityMode,
	type ProfileKey,
	type QuestionKind
} from '$lib/consultation-vocabulary';
import type { ConsultationTable } from '../db/schema';
import type { Selectable } from 'kysely';
import { fromDbDate, fromDbJson, fromDbBool } from '../db/codecs';

export interface Consultation {
	id: number;
	slug: string;
	title: string;
	presentation: string;
	falcSummary: string;
	audiences: Audience[];
	access: AccessMode;
	identity: IdentityMode;
	profileBlock: boolean;
	opensAt: Date;
	closesAt: Date;
	publishedAt: Date | null;
	closedEarlyAt: Date | null;
	resultsPublishedAt: Date | null;
	status: ConsultationStatus;
}

export interface QuestionOption {
	id: number;
	label: string;
	isOther: boolean;
}

export interface QuestionSettings {
	/** Scale bounds and the words at each end. */
	min?: number;
	max?: number;
	minLabel?: string;
	maxLabel?: string;
	/** Multiple choice: most options one may tick. */
	maxChoices?: number;
	/** Multiple choice: the last proposition (« Aucune de ces situations ») excludes the others. */
	exclusiveLast?: boolean;
}

/** The option that cannot be ticked with others, if the question has one. */
export function exclusiveOption(question: Pick<Question, 'kind' | 'settings' | 'options'>) {
	if (question.kind !== 'choix_multiple' || !question.settings.exclusiveLast) return null;
	return question.options.filter((o) => !o.isOther).at(-1) ?? null;
}

export interface DisplayCondition {
	questionId: number;
	optionIds: number[];
}

export interface Question {
	id: number;
	sectionId: number;
	/** Q1, Q2… across the whole questionnaire: the same on screen, on paper and in exports. */
	number: number;
	kind: QuestionKind;
	label: string;
	help: string;
	required: boolean;
	settings: QuestionSettings;
	condition: DisplayCondition | null;
	profileKey: ProfileKey | null;
	options: QuestionOption[];
}

export interface Section {
	id: number;
	title: string;
	description: string;
	questions: Question[];
}

export interface Questionnaire {
	consultationId: number;
	sections: Section[];
}

export function allQuestions(questionnaire: Questionnaire): Question[] {
	return questionnaire.sections.flatMap((s) => s.questions);
}

export function statusAt(
	row: Pick<
		Selectable<ConsultationTable>,
		'published_at' | 'closed_early_at' | 'results_published_at' | 'opens_at' | 'closes_at'
	>,
	now: Date
): ConsultationStatus {
	if (row.results_published_at) return 'resultats_publies';
	if (!row.published_at) return 'brouillon';
	if (row.closed_early_at || now >= fromDbDate(row.closes_at)) return 'close';
	if (now < fromDbDate(row.opens_at)) return 'planifiee';
	return 'ouverte';
}

export function consultationFromRow(
	row: Selectable<ConsultationTable>,
	now = new Date()
): Consultation {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		presentation: row.presentation,
		falcSummary: row.falc_summary,
		audiences: fromDbJson<string[]>(row.audiences, []).filter((a): a is Audience =>
			(AUDIENCES as readonly string[]).includes(a)
		),
		access: oneOf(ACCESS_MODES, row.access, 'agents'),
		identity: oneOf(IDENTITY_MODES, row.identity, 'anonyme'),
		profileBlock: fromDbBool(row.profile_block),
		opensAt: fromDbDate(row.opens_at),
		closesAt: fromDbDate(row.closes_at),
		publishedAt: fromDbDate(row.published_at),
		closedEarlyAt: fromDbDate(row.closed_early_at),
		resultsPublishedAt: fromDbDate(row.results_published_at),
		status: statusAt(row, now)
	};
}

export function isQuestionKind(value: string): value is QuestionKind {
	return (QUESTION_KINDS as readonly string[]).includes(value);
}

export function scaleBounds(question: Question): { min: number; max: number } {
	const min = question.settings.min ?? 1;
	const max = question.settings.max ?? 5;
	return { min, max: Math.max(min + 1, max) };
}
