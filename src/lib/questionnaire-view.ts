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
	settings: {
		min?: number;
		max?: number;
		minLabel?: string;
		maxLabel?: string;
		exclusiveLast?: boolean;
	};
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
