// The respondent's path through the sections: which step is which, given
// the answers so far (a section whose questions are all hidden is skipped).
import { missingRequired, rawFromAnswers, visibleQuestionIds, type Answers } from './answers';
import type { Questionnaire, Section } from './model';
import { stepsOf } from './responding';

export interface StepPosition {
	steps: Section[];
	index: number;
	section: Section;
}

/** Null when `step` is not a step number of this questionnaire now. */
export function stepAt(
	questionnaire: Questionnaire,
	answers: Answers,
	step: string
): StepPosition | null {
	const steps = stepsOf(questionnaire, answers);
	const n = Number(step);
	if (!Number.isInteger(n) || n < 1 || n > steps.length) return null;
	return { steps, index: n - 1, section: steps[n - 1] };
}

export function stepState(
	questionnaire: Questionnaire,
	answers: Answers,
	section: Section,
	check: boolean
) {
	const visible = visibleQuestionIds(questionnaire, answers);
	return {
		raw: rawFromAnswers(section.questions, answers),
		errors: check ? missingRequired(section.questions, answers, visible) : {}
	};
}

/**
 * The section's questions to show: those whose condition depends on an
 * earlier section are decided now; those depending on a question of the same
 * section are shown with their « Répondez si… » note (or toggled by script).
 */
export function questionsToShow(
	questionnaire: Questionnaire,
	answers: Answers,
	section: Section
): Section {
	const visible = visibleQuestionIds(questionnaire, answers);
	const here = new Set(section.questions.map((q) => q.id));
	return {
		...section,
		questions: section.questions.filter(
			(q) => !q.condition || here.has(q.condition.questionId) || visible.has(q.id)
		)
	};
}

/**
 * The numbers a respondent sees: counted over the questions shown to her,
 * so that a question hidden by an earlier answer leaves no gap (Q1, Q2, not
 * Q1, Q3). Questions depending on one of their own section are counted: the
 * page shows them without JavaScript; its script renumbers when it hides one.
 */
export function respondentNumbers(
	questionnaire: Questionnaire,
	answers: Answers
): Map<number, number> {
	const visible = visibleQuestionIds(questionnaire, answers);
	const numbers = new Map<number, number>();
	let n = 0;
	for (const section of questionnaire.sections) {
		const here = new Set(section.questions.map((q) => q.id));
		for (const q of section.questions) {
			if (!q.condition || visible.has(q.id) || here.has(q.condition.questionId))
				numbers.set(q.id, ++n);
		}
	}
	return numbers;
}

/**
 * Where a resumed draft opens: the first step with no answer yet among the
 * questions it shows, or the last step when every step has some.
 */
export function firstUnansweredStep(questionnaire: Questionnaire, answers: Answers): number {
	const visible = visibleQuestionIds(questionnaire, answers);
	const steps = stepsOf(questionnaire, answers);
	const index = steps.findIndex((section) =>
		section.questions.every((q) => !visible.has(q.id) || answers[q.id] === undefined)
	);
	return index === -1 ? Math.max(1, steps.length) : index + 1;
}
