// How well the suggestions find the fiches an officer would link, on the
// hand-labelled wordings of evaluation/suggestions.json: recall at 3 and 5
// (the share of the expected fiches among the first suggestions), averaged
// over the wordings.
import type { Executor } from '../db/database';
import evaluation from './evaluation/suggestions.json';
import { ficheIndex, suggestFiches } from './suggest';

export interface EvaluationItem {
	set: string;
	text: string;
	refs: string[];
}

export interface RecallFigures {
	size: number;
	recallAt3: number;
	recallAt5: number;
}

export interface EvaluationReport extends RecallFigures {
	bySet: Record<string, RecallFigures>;
	misses: { text: string; expected: string[]; suggested: string[] }[];
}

export const EVALUATION_ITEMS: EvaluationItem[] = evaluation.items;

function recall(expected: string[], suggested: string[], k: number): number {
	const top = new Set(suggested.slice(0, k));
	return expected.filter((ref) => top.has(ref)).length / expected.length;
}

function figures(rows: { expected: string[]; suggested: string[] }[]): RecallFigures {
	const mean = (k: number) =>
		rows.reduce((sum, r) => sum + recall(r.expected, r.suggested, k), 0) / (rows.length || 1);
	return { size: rows.length, recallAt3: mean(3), recallAt5: mean(5) };
}

export async function evaluateSuggestions(
	db: Executor,
	items: EvaluationItem[] = EVALUATION_ITEMS
): Promise<EvaluationReport> {
	const index = await ficheIndex(db);
	const rows: { set: string; text: string; expected: string[]; suggested: string[] }[] = [];
	for (const item of items) {
		const suggested = (await suggestFiches(db, item.text, { index })).map((s) => s.ref);
		rows.push({ set: item.set, text: item.text, expected: item.refs, suggested });
	}
	const sets = [...new Set(rows.map((r) => r.set))];
	return {
		...figures(rows),
		bySet: Object.fromEntries(sets.map((s) => [s, figures(rows.filter((r) => r.set === s))])),
		misses: rows
			.filter((r) => recall(r.expected, r.suggested, 5) < 1)
			.map(({ text, expected, suggested }) => ({ text, expected, suggested }))
	};
}
