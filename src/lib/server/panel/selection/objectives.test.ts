import { describe, expect, it } from 'vitest';
import { compareObjectives, planLottery } from './lottery-plan';
import { fairnessFigures } from './objectives';
import type { Category, SelectionInput } from './problem';

function category(name: string, bounds: Record<string, [number, number]>): Category {
	return {
		name,
		values: Object.entries(bounds).map(([value, [min, max]]) => ({ value, min, max }))
	};
}

/**
 * Two seats, one woman and one man, one young and one old: a panel is either
 * a young woman with an old man (a with one of b1, b2) or an old woman with a
 * young man (c with one of d1, d2, d3). With u the chance of the first kind:
 * a has u, each b u/2, c 1 − u, each d (1 − u)/3.
 */
const crossed: SelectionInput = {
	size: 2,
	householdRule: false,
	categories: [
		category('Genre', { F: [1, 1], H: [1, 1] }),
		category('Âge', { jeune: [1, 1], vieux: [1, 1] })
	],
	volunteers: [
		{ id: 'a', features: { Genre: 'F', Âge: 'jeune' } },
		{ id: 'b1', features: { Genre: 'H', Âge: 'vieux' } },
		{ id: 'b2', features: { Genre: 'H', Âge: 'vieux' } },
		{ id: 'c', features: { Genre: 'F', Âge: 'vieux' } },
		{ id: 'd1', features: { Genre: 'H', Âge: 'jeune' } },
		{ id: 'd2', features: { Genre: 'H', Âge: 'jeune' } },
		{ id: 'd3', features: { Genre: 'H', Âge: 'jeune' } }
	]
};
const chances = (u: number) => [u, u / 2, u / 2, 1 - u, (1 - u) / 3, (1 - u) / 3, (1 - u) / 3];

describe('fairness objectives', () => {
	it('computes each objective as worked out by hand', async () => {
		// LEXIMIN and maximin: the smallest chances, u/2 and (1 − u)/3, are equal at u = 2/5.
		// Nash: d/du [log u + 2 log(u/2) + log(1 − u) + 3 log((1 − u)/3)] = 3/u − 4/(1 − u) = 0 at u = 3/7.
		const { comparison, probabilities } = await compareObjectives(crossed);
		const expected = { leximin: chances(2 / 5), maximin: chances(2 / 5), nash: chances(3 / 7) };
		for (const objective of ['leximin', 'maximin', 'nash'] as const)
			probabilities[objective].forEach((p, i) =>
				expect(p, `${objective} ${crossed.volunteers[i].id}`).toBeCloseTo(expected[objective][i], 5)
			);
		const nash = comparison.find((c) => c.objective === 'nash')!.figures;
		const leximin = comparison.find((c) => c.objective === 'leximin')!.figures;
		expect(leximin.min).toBeCloseTo(0.2, 6);
		expect(nash.min).toBeCloseTo(4 / 21, 5);
		// Nash gives up a little of the smallest chance for a larger product.
		expect(nash.geometricMean).toBeGreaterThan(leximin.geometricMean);
		expect(leximin.geometricMean).toBeCloseTo((0.4 * 0.2 ** 2 * 0.6 * 0.2 ** 3) ** (1 / 7), 5);
		const u = 3 / 7;
		expect(nash.geometricMean).toBeCloseTo(
			(u * (u / 2) ** 2 * (1 - u) * ((1 - u) / 3) ** 3) ** (1 / 7),
			5
		);
	});

	it('maximin only guarantees the smallest chance; LEXIMIN then raises the next', async () => {
		// One of c1, c2, c3 on every panel (each 1/3), and a or b on the other seat.
		const input: SelectionInput = {
			size: 2,
			householdRule: false,
			categories: [category('Type', { A: [0, 1], B: [0, 1], C: [1, 1] })],
			volunteers: [
				{ id: 'a', features: { Type: 'A' } },
				{ id: 'b', features: { Type: 'B' } },
				{ id: 'c1', features: { Type: 'C' } },
				{ id: 'c2', features: { Type: 'C' } },
				{ id: 'c3', features: { Type: 'C' } }
			]
		};
		const { probabilities } = await compareObjectives(input);
		expect(probabilities.leximin.map((p) => Number(p.toFixed(6)))).toEqual([
			0.5, 0.5, 0.333333, 0.333333, 0.333333
		]);
		expect(probabilities.nash[0]).toBeCloseTo(0.5, 5);
		const [a, b] = probabilities.maximin;
		expect(Math.min(...probabilities.maximin)).toBeCloseTo(1 / 3, 6);
		expect(a + b).toBeCloseTo(1, 6);
	});

	it('records the objective with the draw, and keeps LEXIMIN by default', async () => {
		const nash = await planLottery(crossed, { seed: '1', objective: 'nash', lotterySize: 700 });
		const leximin = await planLottery(crossed, { seed: '1', lotterySize: 700 });
		expect(nash.algorithm).toBe('nash-highs-v1');
		expect(leximin.algorithm).toBe('leximin-highs-v1');
		expect(nash.inputsHash).not.toBe(leximin.inputsHash);
		expect(leximin.optimalMinProbability).toBeCloseTo(0.2, 6);
		// The published lottery follows the objective: a is drawn about 3/7 of the time.
		const withA = nash.panels.filter((panel) => panel.includes('a')).length / nash.panels.length;
		expect(withA).toBeCloseTo(3 / 7, 2);
	});

	it('figures: smallest, largest, geometric mean and Gini coefficient', () => {
		expect(fairnessFigures([0.5, 0.5])).toEqual({
			min: 0.5,
			max: 0.5,
			geometricMean: 0.5,
			gini: 0
		});
		// Gini of (0, 1): Σ|pi − pj| = 2, / (2 · 4 · 0.5) = 0.5.
		expect(fairnessFigures([0, 1])).toEqual({ min: 0, max: 1, geometricMean: 0, gini: 0.5 });
		// (0.1, 0.2, 0.3): Σ|pi − pj| over ordered pairs = 0.8, / (2 · 9 · 0.2) = 2/9.
		const figures = fairnessFigures([0.3, 0.1, 0.2]);
		expect(figures.gini).toBeCloseTo(2 / 9, 12);
		expect(figures.geometricMean).toBeCloseTo(Math.cbrt(0.006), 12);
	});
});
