// Fair draws on generated pools: speed and whether the smallest probability
// reaches its optimum.
import { compareObjectives, planLottery } from '../panel/selection/lottery-plan';
import type { Category, SelectionInput, Volunteer } from '../panel/selection/problem';
import { SeededRandom } from '../panel/selection/random';

type Criterion = { name: string; shares: Record<string, number> };

const TERRITORY: Criterion = { name: 'Territoire', shares: { nord: 0.38, centre: 0.4, sud: 0.22 } };
const AGE: Criterion = {
	name: 'Âge',
	shares: { '18-29': 0.13, '30-44': 0.22, '45-59': 0.25, '60-74': 0.24, '75+': 0.16 }
};
const GENDER: Criterion = { name: 'Genre', shares: { femme: 0.55, homme: 0.43, autre: 0.02 } };
const SITUATION: Criterion = {
	name: 'Situation',
	shares: { 'allocataire RSA': 0.15, aidant: 0.12, 'personne handicapée': 0.1, aucune: 0.63 }
};

function pick(random: SeededRandom, shares: Record<string, number>): string {
	let x = random.below(1_000_000) / 1_000_000;
	for (const [value, share] of Object.entries(shares)) {
		x -= share;
		if (x < 0) return value;
	}
	return Object.keys(shares).at(-1)!;
}

function generatePool(
	count: number,
	criteria: Criterion[],
	householdShare: number,
	seed: string
): Volunteer[] {
	const random = new SeededRandom(seed, 'vivier');
	// Volunteers over-represent some groups, as real pools do.
	const skew = (shares: Record<string, number>) =>
		Object.fromEntries(
			Object.entries(shares).map(([value, share], i) => [value, share * (i % 2 ? 1.4 : 0.8)])
		);
	return Array.from({ length: count }, (_, i) => ({
		id: `V${String(i + 1).padStart(5, '0')}`,
		features: Object.fromEntries(
			criteria.map((c) => [c.name, pick(random, normalise(skew(c.shares)))])
		),
		household:
			random.below(1000) < householdShare * 1000 ? `foyer ${random.below(count / 4)}` : null
	}));
}

function normalise(shares: Record<string, number>): Record<string, number> {
	const total = Object.values(shares).reduce((sum, s) => sum + s, 0);
	return Object.fromEntries(Object.entries(shares).map(([v, s]) => [v, s / total]));
}

/** Quotas proportional to the pool itself: everyone can get exactly k/n. */
function proportionalToPool(pool: Volunteer[], criteria: Criterion[], size: number): Category[] {
	return criteria.map((c) => ({
		name: c.name,
		values: Object.keys(c.shares).map((value) => {
			const exact = (pool.filter((v) => v.features[c.name] === value).length * size) / pool.length;
			return { value, min: Math.floor(exact), max: Math.ceil(exact) };
		})
	}));
}

/** Quotas from population targets (±1 seat): a real draw, unequal probabilities. */
function fromTargets(criteria: Criterion[], size: number): Category[] {
	return criteria.map((c) => ({
		name: c.name,
		values: Object.entries(c.shares).map(([value, share]) => ({
			value,
			min: Math.max(0, Math.floor(share * size) - 1),
			max: Math.ceil(share * size) + 1
		}))
	}));
}

async function run(label: string, input: SelectionInput, optimum?: number): Promise<void> {
	const plan = await planLottery(input, { seed: '1', lotterySize: 1000 });
	const reached =
		optimum === undefined
			? ''
			: `, optimum k/n = ${optimum.toFixed(4)} ${Math.abs(plan.optimalMinProbability - optimum) < 1e-6 ? 'atteint' : 'NON ATTEINT'}`;
	console.log(
		`${label.padEnd(48)} ${plan.seconds.toFixed(2).padStart(7)} s   ` +
			`${plan.profiles} profils, ${plan.columnsGenerated} panels générés, ` +
			`min LEXIMIN ${plan.optimalMinProbability.toFixed(4)}, min loterie ${plan.minProbability.toFixed(4)}${reached}`
	);
	const { comparison } = await compareObjectives(input);
	for (const { objective, figures, seconds } of comparison)
		console.log(
			`${`  objective ${objective}`.padEnd(48)} ${seconds.toFixed(2).padStart(7)} s   ` +
				`min ${figures.min.toFixed(4)}, max ${figures.max.toFixed(4)}, ` +
				`geometric mean ${figures.geometricMean.toFixed(4)}, Gini ${figures.gini.toFixed(4)}`
		);
}

export async function benchPanel(): Promise<void> {
	// Each draw, then the three objectives on the same pool and quotas.
	const four = [TERRITORY, AGE, GENDER, SITUATION];
	const panel = generatePool(300, four, 0.05, 'panel départemental');
	await run('draw 30 of 300, 4 criteria, targets, households', {
		size: 30,
		volunteers: panel,
		categories: fromTargets(four, 30),
		householdRule: true
	});

	const two = [TERRITORY, AGE];
	const pool = generatePool(2000, two, 0, 'deux critères');
	await run(
		'draw 200 of 2,000, 2 criteria, proportional',
		{
			size: 200,
			volunteers: pool,
			categories: proportionalToPool(pool, two, 200),
			householdRule: false
		},
		200 / 2000
	);
	await run('draw 200 of 2,000, 2 criteria, targets', {
		size: 200,
		volunteers: pool,
		categories: fromTargets(two, 200),
		householdRule: false
	});

	const three = [TERRITORY, AGE, GENDER];
	const big = generatePool(2000, three, 0, 'trois critères');
	await run('draw 200 of 2,000, 3 criteria, targets', {
		size: 200,
		volunteers: big,
		categories: fromTargets(three, 200),
		householdRule: false
	});
}
