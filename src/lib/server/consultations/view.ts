// Domain questionnaire → the plain views pages render.
import type { QuestionView, SectionView } from '$lib/questionnaire-view';
import type { BreakdownView, QuestionResultView } from '$lib/results-view';
import { DIMENSION_LABELS } from '$lib/consultation-vocabulary';
import { allQuestions, type Question, type Questionnaire, type Section } from './model';
import type { Breakdown, ConsultationResults } from './results';

/** Question id → the number shown; by default the questionnaire's own. */
export type Numbering = ReadonlyMap<number, number>;

function conditionText(
	question: Question,
	questionnaire: Questionnaire,
	numbering?: Numbering
): string {
	if (!question.condition) return '';
	const source = allQuestions(questionnaire).find((q) => q.id === question.condition!.questionId);
	if (!source) return '';
	const labels = source.options
		.filter((o) => question.condition!.optionIds.includes(o.id))
		.map((o) => `« ${o.label} »`);
	const answers =
		labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ou ${labels.at(-1)}` : labels[0];
	const number = numbering?.get(source.id) ?? source.number;
	return `Répondez seulement si vous avez répondu ${answers} à la question Q${number}.`;
}

export function questionView(
	question: Question,
	questionnaire: Questionnaire,
	numbering?: Numbering
): QuestionView {
	return {
		id: question.id,
		number: numbering?.get(question.id) ?? question.number,
		kind: question.kind,
		label: question.label,
		help: question.help,
		required: question.required,
		settings: question.settings,
		options: question.options,
		condition: question.condition,
		conditionText: conditionText(question, questionnaire, numbering)
	};
}

export function sectionView(
	section: Section,
	questionnaire: Questionnaire,
	numbering?: Numbering
): SectionView {
	return {
		id: section.id,
		title: section.title,
		description: section.description,
		questions: section.questions.map((q) => questionView(q, questionnaire, numbering))
	};
}

export function resultsView(
	results: ConsultationResults,
	questionnaire: Questionnaire
): { total: number; questions: QuestionResultView[] } {
	return {
		total: results.total,
		questions: results.questions.map((r) => ({
			...r,
			question: questionView(r.question, questionnaire)
		}))
	};
}

export function breakdownView(breakdown: Breakdown): BreakdownView {
	const cells: BreakdownView['cells'] = {};
	for (const [questionId, byValue] of breakdown.cells) {
		cells[questionId] = {};
		for (const [value, byColumn] of byValue)
			cells[questionId][value] = Object.fromEntries(byColumn);
	}
	return { label: DIMENSION_LABELS[breakdown.dimension], columns: breakdown.columns, cells };
}
