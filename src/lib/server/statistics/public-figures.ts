// Small helpers for the figures public pages print, on top of cell suppression.
import type { Figure } from '$lib/disclosure';
import { protectLine, suppressCells } from './suppression';

/** A count on its own: hidden when it counts 1 to threshold−1 people. */
export const single = (n: number, threshold: number): Figure =>
	n > 0 && n < threshold ? 'small' : n;

/** Parts of a published total: small ones hidden, and one more when needed. */
export function protectedParts<T extends { count: number }>(
	parts: T[],
	total: number,
	threshold: number
): (Omit<T, 'count'> & { count: Figure })[] {
	const { parts: states, protected: ok } = protectLine(
		parts.map((p) => p.count),
		total,
		threshold
	);
	return parts.map((p, i) => ({
		...p,
		count: !ok && states[i] === 'shown' ? 'masked' : states[i] === 'shown' ? p.count : states[i]
	}));
}

/** « N participants dont M habitants »: the others (N − M) can be derived, so they count too. */
export function protectHeadcount(
	headcount: { participants: number; residents: number | null },
	threshold: number
): { participants: Figure; residents: Figure | null } {
	const { participants, residents } = headcount;
	if (residents === null) return { participants: single(participants, threshold), residents: null };
	const { states } = suppressCells(
		{
			values: [residents, participants - residents, participants],
			lines: [
				[
					[0, 1],
					[1, 1],
					[2, -1]
				]
			],
			virtual: [false, true, false]
		},
		threshold
	);
	const show = (i: number, n: number): Figure => (states[i] === 'shown' ? n : states[i]);
	return { participants: show(2, participants), residents: show(0, residents) };
}
