// How far a grouping agrees with hand labels: the adjusted Rand index (Hubert
// and Arabie, 1985: 0 for chance, 1 for the same partition) and normalised
// mutual information (arithmetic mean of the entropies, as scikit-learn's
// default). Both compare partitions, so theme numbers need not match labels.

function contingency(a: readonly (string | number)[], b: readonly (string | number)[]) {
	if (a.length !== b.length) throw new Error('Les deux partitions n’ont pas la même taille.');
	const cells = new Map<string, number>();
	const rows = new Map<string | number, number>();
	const columns = new Map<string | number, number>();
	for (let i = 0; i < a.length; i++) {
		const key = `${a[i]}\u0000${b[i]}`;
		cells.set(key, (cells.get(key) ?? 0) + 1);
		rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
		columns.set(b[i], (columns.get(b[i]) ?? 0) + 1);
	}
	return { cells: [...cells.values()], rows: [...rows.values()], columns: [...columns.values()] };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function adjustedRandIndex(
	labels: readonly (string | number)[],
	found: readonly (string | number)[]
): number {
	const { cells, rows, columns } = contingency(labels, found);
	const n = labels.length;
	const index = cells.reduce((s, c) => s + pairs(c), 0);
	const rowPairs = rows.reduce((s, c) => s + pairs(c), 0);
	const columnPairs = columns.reduce((s, c) => s + pairs(c), 0);
	const expected = (rowPairs * columnPairs) / pairs(n);
	const maximum = (rowPairs + columnPairs) / 2;
	return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}

function entropy(counts: number[], n: number): number {
	return -counts.reduce((s, c) => (c ? s + (c / n) * Math.log(c / n) : s), 0);
}

export function normalisedMutualInformation(
	labels: readonly (string | number)[],
	found: readonly (string | number)[]
): number {
	const n = labels.length;
	const rowOf = new Map<string, number>();
	const columnOf = new Map<string, number>();
	const { rows, columns } = contingency(labels, found);
	labels.forEach((l) => rowOf.set(String(l), (rowOf.get(String(l)) ?? 0) + 1));
	found.forEach((f) => columnOf.set(String(f), (columnOf.get(String(f)) ?? 0) + 1));
	const joint = new Map<string, { count: number; row: string; column: string }>();
	for (let i = 0; i < n; i++) {
		const key = `${labels[i]}\u0000${found[i]}`;
		const cell = joint.get(key) ?? { count: 0, row: String(labels[i]), column: String(found[i]) };
		cell.count++;
		joint.set(key, cell);
	}
	let mutual = 0;
	for (const { count, row, column } of joint.values())
		mutual += (count / n) * Math.log((count * n) / (rowOf.get(row)! * columnOf.get(column)!));
	const mean = (entropy(rows, n) + entropy(columns, n)) / 2;
	return mean === 0 ? 1 : mutual / mean;
}
