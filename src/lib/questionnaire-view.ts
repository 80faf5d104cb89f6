// What pages receive of a questionnaire: plain data, the same for the
// respondent's screen, the agent's entry screen and the paper version.
import type { QuestionKind } from './consultation-vocabulary';

export interface QuestionView {
	id: number;
	number: number;
	kind: QuestionKind;
	label: string;
	help: string;
	required: boolean;
	settings: { min?: number; max?: number; minLabel?: string; maxLabel?: string };
	options: { id: number; label: string; isOther: boolean }[];
	condition: { questionId: number; optionIds: number[] } | null;
	/** « Répondez si… », for readers who see every question (no JavaScript, paper). */
	conditionText: string;
}

export interface SectionView {
	id: number;
	title: string;
	description: string;
	questions: QuestionView[];
}

/** Whether a question's condition holds for the values currently in the form. */
export function conditionHolds(
	question: QuestionView,
	values: Record<string, string | string[]>
): boolean {
	if (!question.condition) return true;
	const chosen = ([] as string[]).concat(values[`q${question.condition.questionId}`] ?? []);
	return question.condition.optionIds.some((id) => chosen.includes(String(id)));
}

/** The current values of a form, as the question fields name them. */
export function formValues(form: HTMLFormElement): Record<string, string[]> {
	const values: Record<string, string[]> = {};
	for (const [name, value] of new FormData(form)) {
		if (typeof value === 'string') (values[name] ??= []).push(value);
	}
	return values;
}
