// The three fairness objectives a draw can use, as the Sortition
// Foundation's library offers them, and the figures that compare them on
// one pool: smallest and largest probability, geometric mean, Gini.
import type { Highs } from 'highs';
import { leximin, maximin, type LeximinResult } from './leximin';
import { nash } from './nash';
import type { SelectionModel } from './profiles';
import type { Objective } from '$lib/panel-vocabulary';

export { OBJECTIVES, OBJECTIVE_LABELS, OBJECTIVE_DESCRIPTIONS } from '$lib/panel-vocabulary';
export type { Objective } from '$lib/panel-vocabulary';

export function optimise(highs: Highs, model: SelectionModel, objective: Objective): LeximinResult {
	if (objective === 'nash') return nash(highs, model);
	if (objective === 'maximin') return maximin(highs, model);
	return leximin(highs, model);
}

export interface FairnessFigures {
	min: number;
	max: number;
	/** Of every volunteer's probability: 0 as soon as one has no chance. */
	geometricMean: number;
	/** 0 when all have the same chance, towards 1 when a few have them all. */
	gini: number;
}

export function fairnessFigures(probabilities: number[]): FairnessFigures {
	const n = probabilities.length;
	if (!n) return { min: 0, max: 0, geometricMean: 0, gini: 0 };
	const sorted = [...probabilities].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, p) => sum + p, 0) / n;
	const geometricMean =
		sorted[0] <= 0 ? 0 : Math.exp(sorted.reduce((sum, p) => sum + Math.log(p), 0) / n);
	// Σ_i Σ_j |p_i − p_j| / (2 n² mean), from the sorted values: Σ_i (2i − n − 1) p_(i) / (n² mean).
	const gini = mean
		? sorted.reduce((sum, p, i) => sum + (2 * (i + 1) - n - 1) * p, 0) / (n * n * mean)
		: 0;
	return { min: sorted[0], max: sorted[n - 1], geometricMean, gini };
}
