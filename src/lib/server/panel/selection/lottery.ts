import type { Highs } from 'highs';
import { quietOptions, toModelData } from './highs';
import type { WeightedPanel } from './leximin';
import type { SelectionModel } from './profiles';
import { SeededRandom } from './random';

/** Largest-remainder rounding of the weights to integers summing to `size`. */
function largestRemainder(weights: number[], size: number): number[] {
	const exact = weights.map((w) => w * size);
	const counts = exact.map(Math.floor);
	let missing = size - counts.reduce((sum, c) => sum + c, 0);
	const order = exact
		.map((value, i) => ({ i, rest: value - counts[i] }))
		.sort((a, b) => b.rest - a.rest);
	for (const { i } of order) {
		if (missing <= 0) break;
		counts[i]++;
		missing--;
	}
	return counts;
}

/**
 * Rounds the LEXIMIN distribution to a uniform lottery over `size` panels
 * (Flanigan, Gölz, Gupta, Hennig, Procaccia, « Fair sortition made
 * transparent », 2021): an integer number of tickets per panel of the
 * support, chosen by HiGHS to minimise the largest change of any profile's
 * probability, starting from largest-remainder rounding.
 */
export function roundToTickets(
	highs: Highs,
	model: SelectionModel,
	panels: WeightedPanel[],
	probabilities: number[],
	size: number
): number[] {
	const start = largestRemainder(
		panels.map((panel) => panel.weight),
		size
	);
	const sizes = model.profiles.map((profile) => profile.members.length);
	const P = panels.length;
	const deviation = (tickets: number[]) =>
		Math.max(
			...sizes.map(
				(n, t) =>
					Math.abs(
						tickets.reduce((sum, m, p) => sum + m * panels[p].counts[t], 0) -
							size * n * probabilities[t]
					) /
					(size * n)
			)
		);
	// Columns: tickets per panel, then d. For each profile t:
	//   |Σ_p m_p c_t(p) − M n_t π_t| ≤ M n_t d
	const rows = [
		{ lower: size, upper: size, columns: panels.map((_, p) => p), values: panels.map(() => 1) }
	];
	sizes.forEach((n, t) => {
		const columns: number[] = [];
		const values: number[] = [];
		panels.forEach((panel, p) => {
			if (panel.counts[t] > 0) {
				columns.push(p);
				values.push(panel.counts[t]);
			}
		});
		const target = size * n * probabilities[t];
		rows.push({
			lower: -highs.infinity,
			upper: target,
			columns: [...columns, P],
			values: [...values, -size * n]
		});
		rows.push({
			lower: target,
			upper: highs.infinity,
			columns: [...columns, P],
			values: [...values, size * n]
		});
	});
	const improved = highs.withModel(
		toModelData(highs, {
			maximize: false,
			cost: [...panels.map(() => 0), 1],
			lower: [...panels.map(() => 0), 0],
			upper: [...panels.map(() => size), 1],
			integer: [...panels.map(() => true), false],
			rows
		}),
		(ilp) => {
			ilp.options.set({ ...quietOptions, time_limit: 1, mip_rel_gap: 1e-6 });
			ilp.setSolution({
				indices: [...start.map((_, p) => p), P],
				values: [...start, deviation(start)]
			});
			ilp.run();
			const values = ilp.getSolution().colValue;
			if (!values || values.length < P) return null;
			const tickets = Array.from(values.subarray(0, P), (v) => Math.round(v));
			return tickets.reduce((sum, m) => sum + m, 0) === size ? tickets : null;
		}
	);
	return improved && deviation(improved) <= deviation(start) ? improved : start;
}

/**
 * Lists the lottery's panels as people: each panel repeated for its tickets,
 * in a shuffled order, each profile's seats given in turn to its members
 * (shuffled once), so that members of a profile appear the same number of
 * times, give or take one.
 */
export function listPanels(
	model: SelectionModel,
	panels: WeightedPanel[],
	tickets: number[],
	seed: string
): number[][] {
	const order: number[] = [];
	tickets.forEach((count, p) => {
		for (let i = 0; i < count; i++) order.push(p);
	});
	new SeededRandom(seed, 'ordre des panels').shuffle(order);
	const rotations = model.profiles.map((profile, t) => ({
		members: new SeededRandom(seed, `profil ${t}`).shuffle([...profile.members]),
		next: 0
	}));
	return order.map((p) => {
		const people: number[] = [];
		panels[p].counts.forEach((count, t) => {
			const rotation = rotations[t];
			for (let i = 0; i < count; i++) {
				people.push(rotation.members[rotation.next]);
				rotation.next = (rotation.next + 1) % rotation.members.length;
			}
		});
		return people.sort((a, b) => a - b);
	});
}
