import { describe, expect, it } from 'vitest';
import { chooseAlternates, replacementFor, respectsQuotas } from './alternates';
import { panelForTicket, planLottery, ticketFromSeed } from './lottery-plan';
import type { Category, SelectionInput } from './problem';
import { SeededRandom } from './random';

function category(name: string, bounds: Record<string, [number, number]>): Category {
	return {
		name,
		values: Object.entries(bounds).map(([value, [min, max]]) => ({ value, min, max }))
	};
}

function instance(seed: string): SelectionInput {
	const random = new SeededRandom(seed, 'suppléants test');
	const n = 18 + random.below(5);
	const ages = ['jeune', 'adulte', 'senior'];
	const places = ['nord', 'sud'];
	return {
		size: 4,
		householdRule: true,
		volunteers: Array.from({ length: n }, (_, i) => ({
			id: `p${String(i + 1).padStart(2, '0')}`,
			features: { Âge: ages[random.below(3)], Territoire: places[random.below(2)] },
			household: random.below(5) === 0 ? `foyer ${random.below(3)}` : null
		})),
		categories: [
			category('Âge', { jeune: [1, 2], adulte: [0, 2], senior: [1, 2] }),
			category('Territoire', { nord: [1, 3], sud: [1, 3] })
		]
	};
}

function subsets<T>(items: T[], max: number): T[][] {
	const out: T[][] = [[]];
	for (const item of items) for (const s of [...out]) if (s.length < max) out.push([...s, item]);
	return out;
}

describe('alternates', () => {
	const guarantees: number[] = [];
	for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
		it(`replace any k declines within every quota, checked exhaustively (${seed})`, async () => {
			const input = instance(seed);
			const plan = await planLottery(input, { seed, lotterySize: 200 }).catch(() => null);
			if (!plan) return;
			const panel = panelForTicket(plan, ticketFromSeed(seed, plan.panels.length));
			const list = chooseAlternates({ ...input, panel, count: 8, seed });
			expect(list.alternates.length).toBeLessThanOrEqual(8);
			expect(new Set(list.alternates.map((a) => a.id)).size).toBe(list.alternates.length);
			expect(list.alternates.every((a) => !panel.includes(a.id))).toBe(true);
			const byId = new Map(input.volunteers.map((v) => [v.id, v]));
			for (const declined of subsets(panel, list.guaranteedDeclines)) {
				let current = [...panel];
				const used = new Set<string>();
				for (const id of declined) {
					const substitute = replacementFor(id, current, list.alternates, used, input);
					expect(substitute, `${declined.join(',')} : ${id}`).not.toBeNull();
					used.add(substitute!.id);
					current = current.map((c) => (c === id ? substitute!.id : c));
				}
				const people = current.map((id) => byId.get(id)!);
				expect(respectsQuotas(input.categories, people), declined.join(',')).toBe(true);
				expect(new Set(current).size).toBe(input.size);
				const homes = people.map((v) => v.household).filter(Boolean);
				expect(new Set(homes).size).toBe(homes.length);
			}
			// Beyond the guarantee, any single decline of a covered member is replaced within the quotas.
			for (const id of panel.filter((p) => !list.uncovered.includes(p))) {
				const substitute = replacementFor(id, panel, list.alternates, new Set(), input);
				expect(substitute, id).not.toBeNull();
				const people = panel.map((p) => byId.get(p === id ? substitute!.id : p)!);
				expect(respectsQuotas(input.categories, people)).toBe(true);
			}
			guarantees.push(list.guaranteedDeclines);
		});
	}

	it('guarantee several declines on most of these pools', () => {
		expect(guarantees.filter((k) => k >= 2).length).toBeGreaterThanOrEqual(4);
	});

	it('counts the declines it guarantees, and falls back on another profile when none is left', () => {
		const input: SelectionInput = {
			size: 2,
			householdRule: false,
			categories: [
				category('Genre', { F: [1, 1], H: [1, 1] }),
				category('Âge', { J: [0, 2], V: [0, 2] })
			],
			volunteers: [
				{ id: 'f1', features: { Genre: 'F', Âge: 'J' } },
				{ id: 'h1', features: { Genre: 'H', Âge: 'J' } },
				{ id: 'f2', features: { Genre: 'F', Âge: 'J' } },
				{ id: 'f3', features: { Genre: 'F', Âge: 'J' } },
				{ id: 'h2', features: { Genre: 'H', Âge: 'V' } }
			]
		};
		const list = chooseAlternates({ ...input, panel: ['f1', 'h1'], count: 3, seed: '1' });
		// f1's profile has two of its own (one seat: one is enough); h1's has none, so h2 covers a single decline.
		expect(list.alternates.map((a) => [a.profile.includes('"F"'), a.sameProfile])).toEqual([
			[true, true],
			[false, false]
		]);
		expect(list.guaranteedDeclines).toBe(0);
		expect(list.uncovered).toEqual([]);
		const h = replacementFor('h1', ['f1', 'h1'], list.alternates, new Set(), input);
		expect(h?.id).toBe('h2');
	});
});
