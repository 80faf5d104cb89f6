// Results as the public sees them: no figure about fewer people than the
// threshold, and no hidden figure recoverable by subtraction.
//
// The public may look at the whole results, or at one criterion at a time
// (one filter value, or a breakdown by one dimension), never at crossings:
// two overlapping filtered tables can be subtracted from each other, and
// cell suppression cannot protect every combination. For a dimension, every
// figure the public can see (the breakdown's cells, each filtered view's
// counts, respondents and totals) is one cell of a single two-way table,
// protected at once, so the breakdown and the filtered views always agree on
// what is hidden. Officers keep exact figures in the back-office.
import type { Dimension } from '$lib/consultation-vocabulary';
import type { Figure } from '$lib/disclosure';
import type { BreakdownView, QuestionResultView } from '$lib/results-view';
import type { Question, Questionnaire } from './model';
import { percent, type Breakdown, type ConsultationResults, type QuestionResult } from './results';
import { TableBuilder, type CellState } from '../statistics/suppression';
import { questionView } from './view';

/** Kinds whose options (or values) add up to the question's respondents. */
const ONE_ANSWER = new Set<Question['kind']>(['choix_unique', 'oui_non', 'echelle', 'commune']);
const IN_BREAKDOWN = new Set<Question['kind']>([
	'choix_unique',
	'choix_multiple',
	'oui_non',
	'echelle'
]);

const figure = (value: number, state: CellState): Figure => (state === 'shown' ? value : state);

export interface ProtectedQuestion {
	respondents: CellState;
	counts: CellState[];
	withheld: boolean;
}

function countsOf(result: QuestionResult): number[] {
	return result.counts.map((c) => c.count);
}

/**
 * In public, the communes with fewer answers than the threshold are counted
 * together as « Autres communes »: a list of 267 communes would otherwise be
 * mostly hidden cells. The group is then protected like any other count.
 */
export function groupSmallCommunes(
	results: ConsultationResults,
	threshold: number
): ConsultationResults {
	return {
		...results,
		questions: results.questions.map((result) => {
			if (result.question.kind !== 'commune') return result;
			const small = result.counts.filter((c) => c.count < threshold);
			if (small.length < 2) return result;
			const count = small.reduce((sum, c) => sum + c.count, 0);
			return {
				...result,
				counts: [
					...result.counts.filter((c) => c.count >= threshold),
					{
						key: 'autres',
						label: `Autres communes (moins de ${threshold} réponses chacune)`,
						count,
						percent: percent(count, result.respondents)
					}
				]
			};
		})
	};
}

/** The whole results: each question's counts against its respondents. */
export function protectWhole(results: ConsultationResults, threshold: number): ProtectedQuestion[] {
	return results.questions.map((result) => {
		const t = new TableBuilder();
		const total = t.cell(result.respondents);
		const parts = countsOf(result).map((n) => t.cell(n));
		if (ONE_ANSWER.has(result.question.kind)) t.sum(parts, total);
		else for (const p of parts) t.complement(p, total);
		const { states, unprotected } = t.solve(threshold);
		const respondents = states[total];
		return {
			respondents,
			counts: parts.map((p) => states[p]),
			withheld: respondents !== 'shown' || unprotected.length > 0
		};
	});
}

export interface ProtectedBreakdown {
	columns: { key: string; respondents: CellState }[];
	/** question id → per column: the question's respondents and the counts (by value key) */
	questions: Map<
		number,
		{
			respondents: Map<string, CellState>;
			cells: Map<string, Map<string, CellState>>;
			withheld: Set<string>;
		}
	>;
}

/** Every figure of a dimension as one table: columns' sizes, respondents and counts. */
export function protectDimension(
	results: ConsultationResults,
	whole: ProtectedQuestion[],
	breakdown: Breakdown,
	threshold: number,
	valueKey: (question: Question, key: string) => string
): ProtectedBreakdown {
	const sizes = new TableBuilder();
	const grand = sizes.cell(results.total, { fixed: 'shown' });
	const columnCells = breakdown.columns.map((c) => sizes.cell(c.respondents));
	sizes.sum(columnCells, grand);
	const sizeStates = sizes.solve(threshold).states;
	const columns = breakdown.columns.map((c, i) => ({
		key: c.key,
		respondents: sizeStates[columnCells[i]]
	}));
	const hiddenColumn = new Set(columns.filter((c) => c.respondents !== 'shown').map((c) => c.key));

	const questions: ProtectedBreakdown['questions'] = new Map();
	results.questions.forEach((result, q) => {
		const question = result.question;
		const protectedWhole = whole[q];
		const t = new TableBuilder();
		const wholeRespondents = t.cell(result.respondents, { fixed: protectedWhole.respondents });
		const byColumn = breakdown.respondents.get(question.id) ?? new Map<string, number>();
		// A column hidden for its size hides everything in it.
		const hideAll = (key: string, value: number): CellState | undefined =>
			hiddenColumn.has(key) ? (value > 0 && value < threshold ? 'small' : 'masked') : undefined;
		const respondentCells = columns.map((c) =>
			t.cell(byColumn.get(c.key) ?? 0, { fixed: hideAll(c.key, byColumn.get(c.key) ?? 0) })
		);
		t.sum(respondentCells, wholeRespondents);
		const counted = IN_BREAKDOWN.has(question.kind) ? result.counts : [];
		const cellsOf = breakdown.cells.get(question.id);
		const grid = counted.map((count, o) => {
			const rowTotal = t.cell(count.count, { fixed: protectedWhole.counts[o] });
			const row = columns.map((c) => {
				const value = cellsOf?.get(valueKey(question, count.key))?.get(c.key) ?? 0;
				return t.cell(value, { fixed: hideAll(c.key, value) });
			});
			t.sum(row, rowTotal);
			return row;
		});
		columns.forEach((_, j) => {
			const column = grid.map((row) => row[j]);
			if (column.length === 0) return;
			if (ONE_ANSWER.has(question.kind)) t.sum(column, respondentCells[j]);
			else for (const cell of column) t.complement(cell, respondentCells[j]);
		});
		const { states, unprotected } = t.solve(threshold);
		// A line left open withholds the columns its cells belong to.
		const columnOf = new Map<number, string>();
		columns.forEach((c, j) => {
			columnOf.set(respondentCells[j], c.key);
			for (const row of grid) columnOf.set(row[j], c.key);
		});
		const withheld = new Set<string>();
		for (const l of unprotected)
			for (const [cell] of t.lines[l]) {
				const key = columnOf.get(cell);
				if (key !== undefined) withheld.add(key);
			}
		columns.forEach((c, j) => {
			if (states[respondentCells[j]] !== 'shown') withheld.add(c.key);
		});
		questions.set(question.id, {
			respondents: new Map(columns.map((c, j) => [c.key, states[respondentCells[j]]])),
			cells: new Map(
				counted.map((count, o) => [
					valueKey(question, count.key),
					new Map(columns.map((c, j) => [c.key, states[grid[o][j]]]))
				])
			),
			withheld
		});
	});
	return { columns, questions };
}

function percentOf(count: Figure, of: Figure): number | null {
	if (typeof count !== 'number' || typeof of !== 'number' || of === 0) return null;
	return Math.round((count / of) * 1000) / 10;
}

/** A question as the public sees it, from its counts and their states. */
export function publicQuestionView(
	result: QuestionResult,
	questionnaire: Questionnaire,
	states: { respondents: CellState; counts: CellState[] | null; withheld: boolean },
	threshold: number
): QuestionResultView {
	const respondents = figure(result.respondents, states.respondents);
	const visible = !states.withheld && typeof respondents === 'number' && respondents >= threshold;
	const counts =
		visible && states.counts
			? result.counts.map((c, i) => {
					const count = figure(c.count, states.counts![i]);
					return { key: c.key, label: c.label, count, percent: percentOf(count, respondents) };
				})
			: [];
	// A mean over counts of which some are hidden would give them back (the
	// mean times the respondents is a sum of those counts).
	const averages = visible && counts.every((c) => typeof c.count === 'number');
	return {
		question: questionView(result.question, questionnaire),
		respondents,
		withheld: !visible && result.respondents > 0,
		counts,
		mean: averages ? result.mean : null,
		median: averages ? result.median : null,
		// The smallest and largest answers are one person's each.
		min: null,
		max: null,
		ranking: visible
			? result.ranking.map((r) => ({
					label: r.label,
					score: r.score,
					firstChoices: null,
					meanRank: null,
					rankedBy: null
				}))
			: [],
		otherTexts: visible ? result.otherTexts : [],
		textCount: visible ? result.textCount : 0
	};
}

export function publicBreakdownView(
	breakdown: Breakdown,
	protection: ProtectedBreakdown,
	label: string
): BreakdownView {
	const cells: BreakdownView['cells'] = {};
	for (const [questionId, byValue] of protection.questions) {
		cells[questionId] = {};
		for (const [value, byColumn] of byValue.cells) {
			cells[questionId][value] = {};
			for (const [column, state] of byColumn) {
				const hidden = byValue.withheld.has(column);
				const n = breakdown.cells.get(questionId)?.get(value)?.get(column) ?? 0;
				cells[questionId][value][column] =
					hidden && state === 'shown' ? 'masked' : figure(n, state);
			}
		}
	}
	return {
		label,
		columns: breakdown.columns.map((c, j) => ({
			key: c.key,
			label: c.label,
			respondents: figure(c.respondents, protection.columns[j].respondents)
		})),
		cells
	};
}

export type { Dimension };
