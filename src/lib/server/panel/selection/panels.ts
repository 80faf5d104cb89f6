import type { Highs } from 'highs';
import { quietOptions, toModelData, type LinearModel, type LinearRow } from './highs';
import { profilesOfQuota, type SelectionModel } from './profiles';

/** Quota bounds used by a search; `null` drops a bound (used to find conflicts). */
export type QuotaBounds = { min: number | null; max: number | null }[];

export function defaultBounds(model: SelectionModel): QuotaBounds {
	return model.quotas.map((quota) => ({ min: quota.min, max: quota.max }));
}

/**
 * The rows every panel satisfies: exactly `size` seats, the quotas, at most
 * one seat per household. Columns 0..T-1 count the seats given to each
 * profile.
 */
function panelRows(model: SelectionModel, bounds: QuotaBounds, infinity: number): LinearRow[] {
	const all = model.profiles.map((_, t) => t);
	const rows: LinearRow[] = [
		{ lower: model.size, upper: model.size, columns: all, values: all.map(() => 1) }
	];
	model.quotas.forEach((quota, q) => {
		const columns = profilesOfQuota(model, quota);
		rows.push({
			lower: bounds[q].min ?? -infinity,
			upper: bounds[q].max ?? infinity,
			columns,
			values: columns.map(() => 1)
		});
	});
	for (const household of model.households) {
		rows.push({ lower: -infinity, upper: 1, columns: household, values: household.map(() => 1) });
	}
	return rows;
}

/**
 * A persistent integer program over quota-respecting panels: given a weight
 * per profile, finds the panel of greatest total weight. Column generation
 * asks it again and again with new weights, so HiGHS keeps the model.
 */
export class PanelSearch {
	private readonly model;
	private readonly profileCount: number;

	constructor(
		private readonly highs: Highs,
		selection: SelectionModel,
		bounds: QuotaBounds = defaultBounds(selection),
		/** Adds one 0/1 column per profile, « this profile has a seat », for coverage searches. */
		private readonly indicators = false
	) {
		const T = selection.profiles.length;
		this.profileCount = T;
		const sizes = selection.profiles.map((profile) => profile.members.length);
		const rows = panelRows(selection, bounds, highs.infinity);
		const linear: LinearModel = {
			maximize: true,
			cost: new Array(indicators ? 2 * T : T).fill(0),
			lower: new Array(indicators ? 2 * T : T).fill(0),
			upper: indicators ? [...sizes, ...sizes.map(() => 1)] : sizes,
			integer: new Array(indicators ? 2 * T : T).fill(true),
			rows: indicators
				? [
						...rows,
						...sizes.map((_, t) => ({
							lower: -highs.infinity,
							upper: 0,
							columns: [t, T + t],
							values: [-1, 1]
						}))
					]
				: rows
		};
		this.model = highs.createModel(toModelData(highs, linear));
		this.model.options.set({
			...quietOptions,
			mip_rel_gap: 0,
			mip_abs_gap: 1e-10,
			presolve: 'off',
			mip_detect_symmetry: false
		});
	}

	/** Seats per profile of the heaviest panel, or null when no panel respects the quotas. */
	best(weights: number[]): number[] | null {
		const columns = this.indicators ? 2 * this.profileCount : this.profileCount;
		this.model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, weights);
		const { modelStatus } = this.model.run();
		if (modelStatus !== this.highs.constants.modelStatus.optimal) return null;
		const values = this.model.getSolution().colValue;
		return Array.from(values.subarray(0, this.profileCount), (value) => Math.round(value));
	}

	dispose(): void {
		this.model.dispose();
	}
}

export function panelExists(highs: Highs, selection: SelectionModel, bounds: QuotaBounds): boolean {
	const search = new PanelSearch(highs, selection, bounds);
	try {
		return search.best(new Array(selection.profiles.length).fill(0)) !== null;
	} finally {
		search.dispose();
	}
}
