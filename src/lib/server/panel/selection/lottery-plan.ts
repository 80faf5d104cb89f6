import { createHash } from 'node:crypto';
import { assertQuotasFeasible } from './feasibility';
import { loadHighs } from './highs';
import {
	fairnessFigures,
	optimise,
	OBJECTIVES,
	type FairnessFigures,
	type Objective
} from './objectives';
import { listPanels, roundToTickets } from './lottery';
import { SelectionError, type SelectionInput } from './problem';
import { buildSelectionModel } from './profiles';
import { SeededRandom, newSeed } from './random';

/** The algorithm's name, recorded with each draw and in its inputs' hash. */
export const algorithmOf = (objective: Objective) => `${objective}-highs-v1`;
export const ALGORITHM = algorithmOf('leximin');
export const DEFAULT_LOTTERY_SIZE = 1000;

export type QuotaOutcome = {
	category: string;
	value: string;
	min: number;
	max: number;
	pool: number;
	/** Expected seats under the lottery. */
	expected: number;
};

/** Everything published before the public draw, and enough to redo it. */
export type LotteryPlan = {
	algorithm: string;
	objective: Objective;
	seed: string;
	inputsHash: string;
	size: number;
	/** Panel number k (1-based) is panels[k − 1], as volunteer ids. */
	panels: string[][];
	/** `optimal`: the objective's probability; `probability`: after rounding to the published lottery. */
	probabilities: { id: string; probability: number; optimal: number }[];
	minProbability: number;
	optimalMinProbability: number;
	profiles: number;
	columnsGenerated: number;
	seconds: number;
	quotas: QuotaOutcome[];
};

export function inputsHash(
	input: SelectionInput,
	lotterySize: number,
	objective: Objective = 'leximin'
): string {
	const canonical = {
		algorithm: algorithmOf(objective),
		lotterySize,
		size: input.size,
		householdRule: input.householdRule,
		categories: input.categories.map((c) => ({
			name: c.name,
			values: c.values.map((v) => [v.value, v.min, v.max])
		})),
		volunteers: input.volunteers.map((v) => [
			v.id,
			input.categories.map((c) => v.features[c.name] ?? null),
			input.householdRule ? (v.household ?? null) : null
		])
	};
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Computes the fair lottery for a draw: quotas checked, the objective's
 * probabilities (LEXIMIN unless another is asked for), rounded to
 * `lotterySize` equally likely panels listed with the volunteers' ids. Same
 * inputs and seed, same list.
 */
export async function planLottery(
	input: SelectionInput,
	options: { seed?: string; lotterySize?: number; objective?: Objective } = {}
): Promise<LotteryPlan> {
	const objective = options.objective ?? 'leximin';
	const started = performance.now();
	const lotterySize = options.lotterySize ?? DEFAULT_LOTTERY_SIZE;
	if (!Number.isInteger(lotterySize) || lotterySize < 1 || lotterySize > 100000) {
		throw new SelectionError('La loterie doit compter entre 1 et 100 000 panels.');
	}
	const seed = options.seed?.trim() || newSeed();
	const highs = await loadHighs();
	const model = buildSelectionModel(input);
	assertQuotasFeasible(highs, model, input.categories);
	const optimum = optimise(highs, model, objective);
	const tickets = roundToTickets(highs, model, optimum.panels, optimum.probabilities, lotterySize);
	const listed = listPanels(model, optimum.panels, tickets, seed);

	const appearances = new Array<number>(input.volunteers.length).fill(0);
	for (const panel of listed) for (const index of panel) appearances[index]++;
	const optimalOf = volunteerProbabilities(model, optimum.probabilities, input.volunteers.length);
	const probabilities = input.volunteers.map((volunteer, i) => ({
		id: volunteer.id,
		probability: appearances[i] / lotterySize,
		optimal: optimalOf[i]
	}));

	const quotas = model.quotas.map((quota) => {
		const category = input.categories[quota.category];
		const value = category.values[quota.value].value;
		const members = input.volunteers.filter((v) => v.features[category.name] === value).length;
		const expected = model.profiles.reduce(
			(sum, profile, t) =>
				profile.values[quota.category] === quota.value
					? sum + optimum.probabilities[t] * profile.members.length
					: sum,
			0
		);
		return {
			category: category.name,
			value,
			min: quota.min,
			max: quota.max,
			pool: members,
			expected
		};
	});

	return {
		algorithm: algorithmOf(objective),
		objective,
		seed,
		inputsHash: inputsHash(input, lotterySize, objective),
		size: input.size,
		panels: listed.map((panel) => panel.map((index) => input.volunteers[index].id)),
		probabilities,
		minProbability: Math.min(...probabilities.map((p) => p.probability)),
		optimalMinProbability: Math.min(...probabilities.map((p) => p.optimal)),
		profiles: model.profiles.length,
		columnsGenerated: optimum.columnsGenerated,
		seconds: (performance.now() - started) / 1000,
		quotas
	};
}

function volunteerProbabilities(
	model: ReturnType<typeof buildSelectionModel>,
	byProfile: number[],
	count: number
): number[] {
	const of = new Array<number>(count).fill(0);
	model.profiles.forEach((profile, t) => {
		for (const index of profile.members) of[index] = byProfile[t];
	});
	return of;
}

export interface ObjectiveComparison {
	objective: Objective;
	figures: FairnessFigures;
	seconds: number;
}

/**
 * The three objectives on the same pool and quotas, side by side, with each
 * volunteer's probability under each: what officers show to say why they
 * chose one.
 */
export async function compareObjectives(input: SelectionInput): Promise<{
	comparison: ObjectiveComparison[];
	probabilities: Record<Objective, number[]>;
}> {
	const highs = await loadHighs();
	const model = buildSelectionModel(input);
	assertQuotasFeasible(highs, model, input.categories);
	const comparison: ObjectiveComparison[] = [];
	const probabilities = {} as Record<Objective, number[]>;
	for (const objective of OBJECTIVES) {
		const started = performance.now();
		const optimum = optimise(highs, model, objective);
		probabilities[objective] = volunteerProbabilities(
			model,
			optimum.probabilities,
			input.volunteers.length
		);
		comparison.push({
			objective,
			figures: fairnessFigures(probabilities[objective]),
			seconds: (performance.now() - started) / 1000
		});
	}
	return { comparison, probabilities };
}

/** The panel number drawn from the seed when no number was drawn in public. */
export function ticketFromSeed(seed: string, lotterySize: number): number {
	return 1 + new SeededRandom(seed, 'tirage du panel').below(lotterySize);
}

export function panelForTicket(plan: LotteryPlan, ticket: number): string[] {
	if (!Number.isInteger(ticket) || ticket < 1 || ticket > plan.panels.length) {
		throw new SelectionError(
			`Le numéro tiré doit être un entier entre 1 et ${plan.panels.length}.`
		);
	}
	return plan.panels[ticket - 1];
}
