// Results as pages receive them (plain data; see server/consultations/results.ts).
import type { QuestionView } from './questionnaire-view';

export interface CountView {
	key: string;
	label: string;
	count: number;
	percent: number;
}

export interface QuestionResultView {
	question: QuestionView;
	respondents: number;
	counts: CountView[];
	mean: number | null;
	median: number | null;
	min: string | null;
	max: string | null;
	ranking: {
		label: string;
		score: number;
		firstChoices: number;
		meanRank: number;
		rankedBy: number;
	}[];
	otherTexts: string[];
	textCount: number;
}

export interface BreakdownView {
	label: string;
	columns: { key: string; label: string; respondents: number }[];
	/** question id → option or value key → column key → count */
	cells: Record<number, Record<string, Record<string, number>>>;
}

const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export function formatPercent(value: number): string {
	return `${percentFormat.format(value)} %`;
}
export function formatNumber(value: number): string {
	return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value);
}
