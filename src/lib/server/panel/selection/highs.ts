import highsLoader, { type Highs, type ModelData } from 'highs';

let loading: Promise<Highs> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process. */
export function loadHighs(): Promise<Highs> {
	return (loading ??= highsLoader());
}

export type LinearRow = { lower: number; upper: number; columns: number[]; values: number[] };

export type LinearModel = {
	maximize: boolean;
	cost: number[];
	lower: number[];
	upper: number[];
	integer?: boolean[];
	rows: LinearRow[];
};

/** Turns a row-wise description into the CSR model HiGHS expects. */
export function toModelData(highs: Highs, model: LinearModel): ModelData {
	const starts = [0];
	const indices: number[] = [];
	const values: number[] = [];
	for (const row of model.rows) {
		indices.push(...row.columns);
		values.push(...row.values);
		starts.push(indices.length);
	}
	const numCols = model.cost.length;
	return {
		numCols,
		numRows: model.rows.length,
		sense: model.maximize
			? highs.constants.objectiveSense.maximize
			: highs.constants.objectiveSense.minimize,
		colCost: model.cost,
		colLower: model.lower,
		colUpper: model.upper,
		rowLower: model.rows.map((row) => row.lower),
		rowUpper: model.rows.map((row) => row.upper),
		matrix: { format: 'csr', numRows: model.rows.length, numCols, starts, indices, values },
		integrality: model.integer?.map((isInteger) => (isInteger ? 1 : 0))
	};
}

export const quietOptions = { output_flag: false } as const;
