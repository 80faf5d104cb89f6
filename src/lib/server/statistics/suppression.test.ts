import { describe, expect, it } from 'vitest';
import { protectLine, suppressCells, type CellState, type SuppressionTable } from './suppression';

const T = 5;

/**
 * The attacker: every assignment of the hidden cells that agrees with what a
 * reader sees (shown values, « moins de 5 » means 1 to 4, « masqué » means 0
 * or at least 5, derived cells anything) and with every line. Returns, for
 * each cell, the set of values it can take.
 */
function whatAReaderCanDeduce(
	table: SuppressionTable,
	states: CellState[],
	bound: number
): Set<number>[] {
	const { values, lines } = table;
	const virtual = (i: number) => table.virtual?.[i] ?? false;
	const derivedHidden = (i: number) =>
		lines
			.filter((line) => line.some(([c]) => c === i))
			.every((line) => line.some(([j]) => j !== i && !virtual(j) && states[j] !== 'shown'));
	const unknown = values
		.map((_, i) => i)
		.filter((i) => (virtual(i) ? derivedHidden(i) : states[i] !== 'shown'));
	const domain = (i: number): number[] => {
		const all = Array.from({ length: bound + 1 }, (_, v) => v);
		if (virtual(i)) return all;
		if (states[i] === 'small') return all.filter((v) => v >= 1 && v < T);
		return all.filter((v) => v === 0 || v >= T);
	};
	const possible = values.map(() => new Set<number>());
	const current = [...values];
	const position = new Map(unknown.map((cell, k) => [cell, k]));
	// Each line is checked as soon as its last unknown cell is given a value.
	const closesAt = unknown.map(() => [] as number[]);
	lines.forEach((line, l) => {
		const last = Math.max(-1, ...line.map(([c]) => position.get(c) ?? -1));
		if (last >= 0) closesAt[last].push(l);
	});
	const holds = (l: number) => lines[l].reduce((s, [c, k]) => s + k * current[c], 0) === 0;
	const visit = (k: number) => {
		if (k === unknown.length) {
			current.forEach((v, i) => possible[i].add(v));
			return;
		}
		for (const v of domain(unknown[k])) {
			current[unknown[k]] = v;
			if (closesAt[k].every(holds)) visit(k + 1);
		}
	};
	visit(0);
	return possible;
}

function expectNoSmallCellRecovered(table: SuppressionTable, states: CellState[], bound: number) {
	const possible = whatAReaderCanDeduce(table, states, bound);
	table.values.forEach((v, i) => {
		if (v > 0 && v < T) {
			expect(possible[i].has(v), `cell ${i} must stay consistent`).toBe(true);
			expect(possible[i].size, `cell ${i} (${v}) must not be recovered`).toBeGreaterThan(1);
		}
	});
}

/** A two-way table with its row totals, column totals and grand total as cells. */
function twoWay(rows: number[][]): SuppressionTable {
	const r = rows.length;
	const c = rows[0].length;
	const values = [
		...rows.flat(),
		...rows.map((row) => row.reduce((a, b) => a + b, 0)),
		...rows[0].map((_, j) => rows.reduce((a, row) => a + row[j], 0))
	];
	values.push(rows.flat().reduce((a, b) => a + b, 0));
	const cell = (i: number, j: number) => i * c + j;
	const rowTotal = (i: number) => r * c + i;
	const colTotal = (j: number) => r * c + r + j;
	const grand = r * c + r + c;
	const lines: [number, 1 | -1][][] = [];
	for (let i = 0; i < r; i++)
		lines.push([...rows[i].map((_, j): [number, 1] => [cell(i, j), 1]), [rowTotal(i), -1]]);
	for (let j = 0; j < c; j++)
		lines.push([...rows.map((_, i): [number, 1] => [cell(i, j), 1]), [colTotal(j), -1]]);
	lines.push([...rows.map((_, i): [number, 1] => [rowTotal(i), 1]), [grand, -1]]);
	return { values, lines };
}

describe('statistical disclosure control', () => {
	it('the subtraction attack recovers a small cell hidden alone', () => {
		const table: SuppressionTable = {
			values: [3, 10, 12, 25],
			lines: [
				[
					[0, 1],
					[1, 1],
					[2, 1],
					[3, -1]
				]
			]
		};
		const naive: CellState[] = ['small', 'shown', 'shown', 'shown'];
		expect(whatAReaderCanDeduce(table, naive, 30)[0]).toEqual(new Set([3]));
	});

	it('hides a second cell so that the small one cannot be recovered', () => {
		const { parts, total, protected: ok } = protectLine([3, 10, 12], 25, T);
		expect(parts).toEqual(['small', 'masked', 'shown']);
		expect(total).toBe('shown');
		expect(ok).toBe(true);
		const table: SuppressionTable = {
			values: [3, 10, 12, 25],
			lines: [
				[
					[0, 1],
					[1, 1],
					[2, 1],
					[3, -1]
				]
			]
		};
		expectNoSmallCellRecovered(table, [...parts, total], 30);
	});

	it('never shows a small count, and leaves large ones alone', () => {
		expect(protectLine([20, 30, 50], 100, T).parts).toEqual(['shown', 'shown', 'shown']);
		expect(protectLine([1, 2, 97], 100, T).parts).toEqual(['small', 'small', 'shown']);
		expect(protectLine([0, 40, 60], 100, T).parts).toEqual(['shown', 'shown', 'shown']);
	});

	it('two small cells that add up to 2 would both be 1: a third one is masked', () => {
		const result = protectLine([1, 1, 40], 42, T);
		expect(result.parts).toEqual(['small', 'small', 'masked']);
		const table: SuppressionTable = {
			values: [1, 1, 40, 42],
			lines: [
				[
					[0, 1],
					[1, 1],
					[2, 1],
					[3, -1]
				]
			]
		};
		expectNoSmallCellRecovered(table, [...result.parts, result.total], 45);
	});

	it('knows that a masked cell is 0 or at least 5 (1 + 5 = 6 would give the 1 away)', () => {
		const values = [1, 5, 6];
		const line: [number, 1 | -1][] = [
			[0, 1],
			[1, 1],
			[2, -1]
		];
		const fixedTotal = suppressCells(
			{ values, lines: [line], fixed: [undefined, undefined, 'shown'] },
			T
		);
		expect(fixedTotal.unprotected).toEqual([0]);
		const free = suppressCells({ values, lines: [line] }, T);
		expect(free.unprotected).toEqual([]);
		expectNoSmallCellRecovered({ values, lines: [line] }, free.states, 12);
	});

	it('protects a two-way table against subtraction along rows and columns', () => {
		const tables = [
			[
				[2, 8, 10],
				[9, 7, 12],
				[11, 6, 9]
			],
			[
				[1, 0, 12],
				[6, 3, 9],
				[8, 7, 0]
			],
			[
				[4, 4, 6],
				[7, 1, 5],
				[5, 9, 2]
			]
		];
		for (const rows of tables) {
			const table = twoWay(rows);
			const { states, unprotected } = suppressCells(table, T);
			expect(unprotected).toEqual([]);
			const small = table.values.map((v, i) => (v > 0 && v < T ? i : -1)).filter((i) => i >= 0);
			for (const i of small) expect(states[i]).toBe('small');
			// Bounded search: every hidden cell of these tables is at most 30.
			expectNoSmallCellRecovered(table, states, Math.max(...table.values));
		}
	});

	it('a derived count (those who did not tick an option) protects its option', () => {
		// 18 of the 20 respondents ticked the option: the 2 others would be known.
		const values = [18, 2, 20];
		const table: SuppressionTable = {
			values,
			lines: [
				[
					[0, 1],
					[1, 1],
					[2, -1]
				]
			],
			virtual: [false, true, false],
			fixed: [undefined, undefined, 'shown']
		};
		const { states, unprotected } = suppressCells(table, T);
		expect(states[0]).toBe('masked');
		expect(unprotected).toEqual([]);
		expectNoSmallCellRecovered(table, states, 25);
	});

	it('fixed cells keep the state given by the table they are published in', () => {
		const values = [3, 9, 12];
		const { states, unprotected } = suppressCells(
			{
				values,
				lines: [
					[
						[0, 1],
						[1, 1],
						[2, -1]
					]
				],
				fixed: [undefined, 'shown', 'shown']
			},
			T
		);
		expect(states).toEqual(['small', 'shown', 'shown']);
		expect(unprotected).toEqual([0]);
	});
});
