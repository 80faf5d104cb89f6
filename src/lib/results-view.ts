// Results as pages receive them (plain data; see server/consultations/results.ts).
// On public pages counts are protected figures (see $lib/disclosure): a
// number, or « moins de 5 » / « masqué »; percentages are null when hidden.
import type { QuestionView } from './questionnaire-view';
import type { Figure } from './disclosure';

export interface CountView {
	key: string;
	label: string;
	count: Figure;
	percent: number | null;
}

export interface QuestionResultView {
	question: QuestionView;
	respondents: Figure;
	/** Too few people (or a figure that would give a small one away): nothing shown. */
	withheld?: boolean;
	counts: CountView[];
	mean: number | null;
	median: number | null;
	min: string | null;
	max: string | null;
	ranking: {
		label: string;
		score: number;
		firstChoices: Figure | null;
		meanRank: number | null;
		rankedBy: Figure | null;
	}[];
	otherTexts: string[];
	textCount: Figure;
}

export interface BreakdownView {
	label: string;
	columns: { key: string; label: string; respondents: Figure }[];
	/** question id → option or value key → column key → count */
	cells: Record<number, Record<string, Record<string, Figure>>>;
}

const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export function formatPercent(value: number): string {
	return `${percentFormat.format(value)} %`;
}
export function formatNumber(value: number): string {
	return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value);
}
