// Cell suppression for published counts (statistical disclosure control).
//
// A table is a set of cells (counts) and of lines: linear relations between
// them that a reader knows, such as « the options of a question add up to
// its respondents » (parts +1, total −1, sum 0). Cells counting 1 to
// threshold−1 people are hidden (« small », primary suppression); then, as
// long as some hidden cell could be worked out from a line, another cell of
// that line is hidden (« masked », secondary suppression), the smallest one.
//
// A hidden cell is protected in a line when another hidden cell of that
// line can absorb a change of one in it while both stay within what the
// reader knows of them (small: 1 to threshold−1; masked: 0, or threshold and
// more; a derived cell that is never printed: any count). Every hidden cell
// must be protected in every line it belongs to, which closes the pattern
// over rows and columns (the usual rectangles of two-way tables).
//
// Derived (« virtual ») cells are never printed but can be computed from
// their line, like the people who did not tick an option of a multiple
// choice question; they are hidden only when another cell of their line is.
// Fixed cells are published elsewhere with their own protection: their
// state is given and they are never chosen for secondary suppression.
import type { Hidden } from '$lib/disclosure';

export type CellState = 'shown' | Hidden;

export interface SuppressionTable {
	values: number[];
	/** Each line: [cell index, coefficient ±1]; the terms sum to zero. */
	lines: [number, 1 | -1][][];
	virtual?: boolean[];
	/** States decided elsewhere; such cells are never masked here. */
	fixed?: (CellState | undefined)[];
}

export interface Suppression {
	states: CellState[];
	/** Lines where a hidden cell could still be worked out (the caller withholds them). */
	unprotected: number[];
}

export function suppressCells(table: SuppressionTable, threshold: number): Suppression {
	const { values, lines } = table;
	const virtual = (i: number) => table.virtual?.[i] ?? false;
	const fixed = (i: number) => table.fixed?.[i] !== undefined;
	const isSmall = (v: number) => v > 0 && v < threshold;
	const states: CellState[] = values.map((v, i) =>
		fixed(i) ? table.fixed![i]! : isSmall(v) ? 'small' : 'shown'
	);
	const linesOf = values.map(() => [] as number[]);
	lines.forEach((line, l) => line.forEach(([cell]) => linesOf[cell].push(l)));

	/** A virtual cell is hidden when another term of each of its lines is hidden. */
	const hidden = (i: number): boolean => {
		if (!virtual(i)) return states[i] !== 'shown';
		return linesOf[i].every((l) =>
			lines[l].some(([j]) => j !== i && !virtual(j) && states[j] !== 'shown')
		);
	};
	const allows = (i: number, value: number): boolean => {
		if (value < 0) return false;
		if (virtual(i)) return true;
		if (states[i] === 'small') return value >= 1 && value < threshold;
		return value === 0 || value >= threshold;
	};
	const protectedIn = (line: [number, 1 | -1][], s: number, sign: number): boolean =>
		line.some(([q, qSign]) => {
			if (q === s || !hidden(q)) return false;
			// s moves by δ; q moves so that the line still sums to zero.
			return [1, -1].some(
				(delta) => allows(s, values[s] + delta) && allows(q, values[q] - (delta * sign) / qSign)
			);
		});
	const needsProtection = (i: number): boolean =>
		virtual(i) ? isSmall(values[i]) : states[i] !== 'shown';

	const unprotected = new Set<number>();
	for (let round = 0; round <= values.length; round++) {
		let changed = false;
		lines.forEach((line) => {
			for (const [s, sign] of line) {
				if (!needsProtection(s)) continue;
				if (hidden(s) && protectedIn(line, s, sign)) continue;
				const candidate = line
					.map(([q]) => q)
					.filter((q) => q !== s && !virtual(q) && !fixed(q) && states[q] === 'shown')
					.filter((q) => values[q] > 0)
					.sort((a, b) => values[a] - values[b] || a - b)[0];
				if (candidate === undefined) continue;
				states[candidate] = 'masked';
				changed = true;
			}
		});
		if (!changed) break;
	}
	// A last pass names the lines that stayed open.
	lines.forEach((line, l) => {
		for (const [s, sign] of line)
			if (needsProtection(s) && !(hidden(s) && protectedIn(line, s, sign))) unprotected.add(l);
	});
	return { states, unprotected: [...unprotected] };
}

/** One line of parts that add up to a published total (a question's options, a table's row). */
export function protectLine(
	parts: number[],
	total: number,
	threshold: number
): { parts: CellState[]; total: CellState; protected: boolean } {
	const values = [...parts, total];
	const line: [number, 1 | -1][] = [
		...parts.map((_, i): [number, 1] => [i, 1]),
		[parts.length, -1]
	];
	const { states, unprotected } = suppressCells({ values, lines: [line] }, threshold);
	return {
		parts: states.slice(0, parts.length),
		total: states[parts.length],
		protected: unprotected.length === 0
	};
}

/** Builds cells and lines incrementally. */
export class TableBuilder {
	values: number[] = [];
	virtual: boolean[] = [];
	fixed: (CellState | undefined)[] = [];
	lines: [number, 1 | -1][][] = [];
	cell(value: number, options: { virtual?: boolean; fixed?: CellState } = {}): number {
		this.values.push(value);
		this.virtual.push(options.virtual ?? false);
		this.fixed.push(options.fixed);
		return this.values.length - 1;
	}
	sum(parts: number[], total: number) {
		this.lines.push([...parts.map((p): [number, 1] => [p, 1]), [total, -1]]);
	}
	/** parts + what the reader can derive = total, for options that overlap (multiple choice). */
	complement(part: number, total: number) {
		const rest = this.cell(this.values[total] - this.values[part], { virtual: true });
		this.sum([part, rest], total);
	}
	solve(threshold: number) {
		return suppressCells(
			{ values: this.values, lines: this.lines, virtual: this.virtual, fixed: this.fixed },
			threshold
		);
	}
}
