import { describe, expect, it } from 'vitest';
import { loadHighs, toModelData } from './highs';
import { panelForTicket, planLottery, ticketFromSeed } from './lottery-plan';
import { SelectionError, type Category, type SelectionInput, type Volunteer } from './problem';
import { SeededRandom } from './random';

function volunteers(rows: [string, Record<string, string>, string?][]): Volunteer[] {
	return rows.map(([id, features, household]) => ({ id, features, household: household ?? null }));
}

function category(name: string, bounds: Record<string, [number, number]>): Category {
	return {
		name,
		values: Object.entries(bounds).map(([value, [min, max]]) => ({ value, min, max }))
	};
}

/** Every subset of `size` people that respects the quotas and households. */
function allPanels(input: SelectionInput): number[][] {
	const n = input.volunteers.length;
	const result: number[][] = [];
	const pick = (start: number, chosen: number[]) => {
		if (chosen.length === input.size) {
			const ok = input.categories.every((c) =>
				c.values.every((q) => {
					const count = chosen.filter(
						(i) => input.volunteers[i].features[c.name] === q.value
					).length;
					return count >= q.min && count <= q.max;
				})
			);
			const homes = chosen.map((i) => input.volunteers[i].household).filter(Boolean);
			if (ok && (!input.householdRule || new Set(homes).size === homes.length))
				result.push([...chosen]);
			return;
		}
		for (let i = start; i < n; i++) pick(i + 1, [...chosen, i]);
	};
	pick(0, []);
	return result;
}

/**
 * Textbook LEXIMIN over every feasible panel, person by person: maximise the
 * smallest probability among people not yet fixed, then fix each person who
 * cannot be raised above it. No profiles, no column generation, no duals.
 */
async function exhaustiveLeximin(input: SelectionInput): Promise<number[]> {
	const highs = await loadHighs();
	const panels = allPanels(input);
	const n = input.volunteers.length;
	const fixed = new Array<number | null>(n).fill(null);
	const solve = (objective: 'z' | number, level: number | null) => {
		const P = panels.length;
		const rows = [
			{ lower: 1, upper: 1, columns: panels.map((_, p) => p), values: panels.map(() => 1) }
		];
		for (let i = 0; i < n; i++) {
			const columns = panels.flatMap((panel, p) => (panel.includes(i) ? [p] : []));
			const bound = fixed[i] ?? level;
			if (fixed[i] === null && level === null) {
				rows.push({
					lower: 0,
					upper: highs.infinity,
					columns: [...columns, P],
					values: [...columns.map(() => 1), -1]
				});
			} else {
				rows.push({
					lower: (bound ?? 0) - 1e-9,
					upper: highs.infinity,
					columns,
					values: columns.map(() => 1)
				});
			}
		}
		const cost = panels.map((panel) =>
			typeof objective === 'number' && panel.includes(objective) ? 1 : 0
		);
		return highs.withModel(
			toModelData(highs, {
				maximize: true,
				cost: [...cost, objective === 'z' ? 1 : 0],
				lower: [...panels.map(() => 0), 0],
				upper: [...panels.map(() => 1), 1],
				rows
			}),
			(model) => {
				model.options.set({ output_flag: false });
				model.run();
				return model.getObjectiveValue();
			}
		);
	};
	while (fixed.some((p) => p === null)) {
		const z = solve('z', null);
		for (let i = 0; i < n; i++) {
			if (fixed[i] === null && solve(i, z) <= z + 1e-7) fixed[i] = z;
		}
	}
	return fixed as number[];
}

function randomInstance(seed: string): SelectionInput {
	const random = new SeededRandom(seed, 'instance');
	const n = 8 + random.below(3);
	const ages = ['jeune', 'adulte', 'senior'];
	const places = ['nord', 'sud'];
	const people = Array.from({ length: n }, (_, i) => ({
		id: `p${i + 1}`,
		features: { Âge: ages[random.below(3)], Territoire: places[random.below(2)] },
		household: random.below(4) === 0 ? 'rue des Lilas' : null
	}));
	const size = 3 + random.below(2);
	return {
		size,
		householdRule: true,
		volunteers: people,
		categories: [
			category('Âge', { jeune: [1, 2], adulte: [0, 2], senior: [1, 3] }),
			category('Territoire', { nord: [1, size], sud: [1, 2] })
		]
	};
}

describe('fair selection (LEXIMIN)', () => {
	it('gives everyone k/n when proportional quotas allow it', async () => {
		const people = Array.from({ length: 40 }, (_, i) => ({
			id: String(i + 1),
			features: {
				Genre: i % 2 ? 'femme' : 'homme',
				Territoire: ['nord', 'centre', 'sud', 'sud'][i % 4]
			}
		}));
		const plan = await planLottery(
			{
				size: 10,
				householdRule: false,
				volunteers: people,
				categories: [
					category('Genre', { femme: [5, 5], homme: [5, 5] }),
					category('Territoire', { nord: [2, 3], centre: [2, 3], sud: [5, 5] })
				]
			},
			{ seed: '42', lotterySize: 100 }
		);
		expect(plan.optimalMinProbability).toBeCloseTo(0.25, 6);
		expect(plan.minProbability).toBeCloseTo(0.25, 6);
		for (const panel of plan.panels) {
			expect(panel).toHaveLength(10);
			expect(panel.filter((id) => Number(id) % 2 === 1)).toHaveLength(5);
		}
		expect(plan.profiles).toBe(4);
	});

	for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
		it(`matches an exhaustive computation on a small instance (${seed})`, async () => {
			const input = randomInstance(seed);
			if (allPanels(input).length === 0) {
				await expect(planLottery(input)).rejects.toBeInstanceOf(SelectionError);
				return;
			}
			const expected = await exhaustiveLeximin(input);
			const plan = await planLottery(input, { seed: '7', lotterySize: 1000 });
			const computed = plan.probabilities.map((p) => p.optimal);
			const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
			sorted(computed).forEach((value, i) => expect(value).toBeCloseTo(sorted(expected)[i], 5));
			computed.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
			// The published lottery stays within a few tickets of the optimum.
			plan.probabilities.forEach((p) =>
				expect(Math.abs(p.probability - p.optimal)).toBeLessThan(0.01)
			);
		});
	}

	it('never puts two people of one household on a panel, unless the rule is off', async () => {
		const people = volunteers([
			['a', { Genre: 'femme' }, '1 rue Haute'],
			['b', { Genre: 'homme' }, '1 rue Haute'],
			['c', { Genre: 'femme' }],
			['d', { Genre: 'homme' }],
			['e', { Genre: 'femme' }]
		]);
		const categories = [category('Genre', { femme: [1, 2], homme: [1, 2] })];
		const withRule = await planLottery(
			{ size: 3, householdRule: true, volunteers: people, categories },
			{ seed: '1' }
		);
		for (const panel of withRule.panels)
			expect(panel.includes('a') && panel.includes('b')).toBe(false);
		const withoutRule = await planLottery(
			{ size: 3, householdRule: false, volunteers: people, categories },
			{ seed: '1' }
		);
		expect(withoutRule.panels.some((panel) => panel.includes('a') && panel.includes('b'))).toBe(
			true
		);
	});

	it('names the quotas that cannot hold together', async () => {
		const people = Array.from({ length: 12 }, (_, i) => ({
			id: String(i),
			features: { Âge: i < 4 ? 'jeune' : 'senior', Territoire: i < 4 ? 'nord' : 'sud' }
		}));
		const conflict = planLottery({
			size: 6,
			householdRule: false,
			volunteers: people,
			categories: [
				category('Âge', { jeune: [3, 6], senior: [0, 6] }),
				category('Territoire', { nord: [0, 2], sud: [0, 6] })
			]
		});
		await expect(conflict).rejects.toThrow(/ne respecte ensemble/);
		const error = (await conflict.catch((e) => e)) as SelectionError;
		expect(error.conflicts).toEqual([
			'« Âge = jeune » : au moins 3',
			'« Territoire = nord » : au plus 2'
		]);

		const counting = (await planLottery({
			size: 6,
			householdRule: false,
			volunteers: people,
			categories: [
				category('Âge', { jeune: [5, 6], senior: [4, 6] }),
				category('Territoire', { nord: [0, 6], sud: [0, 6] })
			]
		}).catch((e) => e)) as SelectionError;
		expect(counting.conflicts).toContain(
			'« Âge = jeune » : au moins 5 demandés, mais 4 volontaires seulement.'
		);
		expect(counting.conflicts).toContain(
			'« Âge » : les minimums totalisent 9, plus que les 6 sièges.'
		);
	});

	it('rejects a volunteer whose value has no quota', async () => {
		await expect(
			planLottery({
				size: 1,
				householdRule: false,
				volunteers: volunteers([['x', { Âge: 'inconnu' }]]),
				categories: [category('Âge', { jeune: [0, 1] })]
			})
		).rejects.toThrow('« x » a « Âge = inconnu », valeur sans quota');
	});

	it('is reproducible from the seed and inputs', async () => {
		const input = randomInstance('b');
		const first = await planLottery(input, { seed: '2024', lotterySize: 50 });
		const again = await planLottery(input, { seed: '2024', lotterySize: 50 });
		const other = await planLottery(input, { seed: '2025', lotterySize: 50 });
		expect(again.panels).toEqual(first.panels);
		expect(again.inputsHash).toBe(first.inputsHash);
		expect(other.inputsHash).toBe(first.inputsHash);
		expect(other.panels).not.toEqual(first.panels);
		expect(ticketFromSeed('2024', 50)).toBe(ticketFromSeed('2024', 50));
		expect(panelForTicket(first, 3)).toEqual(first.panels[2]);
		expect(() => panelForTicket(first, 51)).toThrow(/entre 1 et 50/);
	});
});
