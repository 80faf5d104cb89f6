// Maximum Nash welfare: the lottery over quota-respecting panels that
// maximises the sum of the logarithms of everyone's selection probability
// (equivalently their product), as the Sortition Foundation's library
// offers. The objective is concave over the panels' convex hull; it is
// maximised by column generation: over the panels known so far, the mixture
// weights are fitted by the EM iteration of a mixture's proportions
// (monotone, each step keeps the weights on the simplex); then the integer
// program looks for a panel whose gradient value Σ c_t / p_t beats the
// optimality bound N (the number of volunteers who can be selected at all);
// it stops when none does. Volunteers in no quota-respecting panel have
// probability 0 and are left out of the sum, as in the library.
import type { Highs } from 'highs';
import { coveringPanels, type LeximinResult, type WeightedPanel } from './leximin';
import { PanelSearch } from './panels';
import type { SelectionModel } from './profiles';

const GAP = 1e-7;
const MAX_ROUNDS = 400;
const EM_STEPS = 2000;
const EM_TOLERANCE = 1e-13;

/** A panel as its nonzero seats, for sums over thousands of panels. */
type Sparse = { profiles: number[]; seats: number[] };

const sparse = (counts: number[]): Sparse => {
	const profiles: number[] = [];
	const seats: number[] = [];
	counts.forEach((count, t) => {
		if (count > 0) {
			profiles.push(t);
			seats.push(count);
		}
	});
	return { profiles, seats };
};

/** Probability per member of each profile under the weights. */
function probabilitiesOf(panels: Sparse[], weights: number[], sizes: number[]): number[] {
	const p = new Array<number>(sizes.length).fill(0);
	panels.forEach((panel, k) => {
		const w = weights[k];
		if (w === 0) return;
		panel.profiles.forEach((t, i) => (p[t] += (w * panel.seats[i]) / sizes[t]));
	});
	return p;
}

function welfare(p: number[], sizes: number[], covered: boolean[]): number {
	let sum = 0;
	for (let t = 0; t < p.length; t++) if (covered[t]) sum += sizes[t] * Math.log(p[t]);
	return sum;
}

/** One EM step for the mixture proportions: w_k ← w_k · Σ_t c_tk / p_t / N. */
function emStep(panels: Sparse[], weights: number[], p: number[], N: number): number[] {
	return weights.map((w, k) => {
		if (w === 0) return 0;
		const { profiles, seats } = panels[k];
		let gradient = 0;
		for (let i = 0; i < profiles.length; i++) gradient += seats[i] / p[profiles[i]];
		return (w * gradient) / N;
	});
}

/**
 * Fits the weights over the known panels: EM accelerated by SQUAREM
 * (Varadhan and Roland, 2008), which extrapolates two EM steps and keeps the
 * result only when the welfare does not drop, so the iteration stays monotone.
 */
function fitWeights(
	panels: Sparse[],
	start: number[],
	sizes: number[],
	covered: boolean[],
	N: number
): { weights: number[]; p: number[] } {
	let weights = start;
	let p = probabilitiesOf(panels, weights, sizes);
	let value = welfare(p, sizes, covered);
	for (let step = 0; step < EM_STEPS; step++) {
		const w1 = emStep(panels, weights, p, N);
		const p1 = probabilitiesOf(panels, w1, sizes);
		const w2 = emStep(panels, w1, p1, N);
		const r = w1.map((w, k) => w - weights[k]);
		const v = w2.map((w, k) => w - w1[k] - r[k]);
		const rNorm = Math.hypot(...r);
		const vNorm = Math.hypot(...v);
		let next = w2;
		if (vNorm > 0) {
			const alpha = Math.min(-1, -rNorm / vNorm);
			const jumped = weights.map((w, k) =>
				Math.max(0, w - 2 * alpha * r[k] + alpha * alpha * v[k])
			);
			const total = jumped.reduce((sum, w) => sum + w, 0);
			if (total > 0) {
				const normalised = jumped.map((w) => w / total);
				const candidate = emStep(panels, normalised, probabilitiesOf(panels, normalised, sizes), N);
				const candidateP = probabilitiesOf(panels, candidate, sizes);
				if (
					welfare(candidateP, sizes, covered) >=
					welfare(probabilitiesOf(panels, w2, sizes), sizes, covered)
				)
					next = candidate;
			}
		}
		const nextP = probabilitiesOf(panels, next, sizes);
		const nextValue = welfare(nextP, sizes, covered);
		const gain = nextValue - value;
		weights = next;
		p = nextP;
		value = nextValue;
		if (gain < EM_TOLERANCE * Math.max(1, Math.abs(value))) break;
	}
	return { weights, p };
}

/** The best mixing step towards a new panel: a concave function of one variable, by bisection on its slope. */
function lineSearch(p: number[], vertex: number[], sizes: number[], covered: boolean[]): number {
	const slope = (g: number) => {
		let d = 0;
		for (let t = 0; t < p.length; t++)
			if (covered[t]) d += (sizes[t] * (vertex[t] - p[t])) / ((1 - g) * p[t] + g * vertex[t]);
		return d;
	};
	let low = 0;
	let high = 1 - 1e-9;
	if (slope(high) >= 0) return high;
	for (let i = 0; i < 60; i++) {
		const mid = (low + high) / 2;
		if (slope(mid) > 0) low = mid;
		else high = mid;
	}
	return low;
}

export function nash(highs: Highs, model: SelectionModel): LeximinResult {
	const sizes = model.profiles.map((profile) => profile.members.length);
	const T = sizes.length;
	const start = coveringPanels(highs, model);
	const covered = start.covered;
	const N = sizes.reduce((sum, n, t) => sum + (covered[t] ? n : 0), 0);
	const counts = [...start.panels];
	const panels = counts.map(sparse);
	const known = new Set(counts.map((c) => c.join(',')));
	let weights = panels.map(() => 1 / panels.length);
	const search = new PanelSearch(highs, model);
	let rounds = 0;
	let p: number[];
	try {
		for (;;) {
			rounds++;
			({ weights, p } = fitWeights(panels, weights, sizes, covered, N));
			if (rounds > MAX_ROUNDS) break;
			const best = search.best(p.map((value, t) => (covered[t] ? 1 / value : 0)));
			if (!best) break;
			const gain = best.reduce((sum, c, t) => (covered[t] ? sum + c / p[t] : sum), 0);
			if (gain <= N * (1 + GAP)) break;
			// A known panel still improves: the weights are not yet fitted, fit again.
			if (known.has(best.join(','))) continue;
			known.add(best.join(','));
			counts.push(best);
			panels.push(sparse(best));
			const vertex = best.map((c, t) => c / sizes[t]);
			const g = lineSearch(p, vertex, sizes, covered);
			weights = [...weights.map((w) => w * (1 - g)), g];
		}
	} finally {
		search.dispose();
	}
	const total = weights.reduce((sum, w) => sum + w, 0);
	const weighted: WeightedPanel[] = counts
		.map((c, k) => ({ counts: c, weight: weights[k] / total }))
		.filter((panel) => panel.weight > 1e-12);
	const probabilities = new Array<number>(T).fill(0);
	for (const panel of weighted)
		panel.counts.forEach((c, t) => (probabilities[t] += (panel.weight * c) / sizes[t]));
	return { probabilities, panels: weighted, columnsGenerated: counts.length, iterations: rounds };
}
