// Stage 1 of a civic lottery: which addresses receive an invitation. The
// number of letters is shared between the communes in proportion to their
// population (times an optional over-sampling factor for the territories
// where fewer people answer), by the largest remainder method, never more
// than the addresses a commune has; then each commune's letters go to
// addresses drawn at random from a recorded seed (SHA-256, as the draws), so
// anyone with the base and the seed can redo the draw.
import { SeededRandom } from '../selection/random';

export interface Stratum {
	/** The commune's INSEE code. */
	key: string;
	population: number;
	/** Its territory, for over-sampling. */
	territory: string;
	/** Addresses of the base in this commune. */
	available: number;
}

export interface Allocation {
	key: string;
	/** The exact proportional share, before rounding. */
	target: number;
	letters: number;
}

/**
 * Letters per commune: Hamilton's method on population × factor, each
 * commune capped at its addresses, what a cap leaves shared again among the
 * others. Ties go to the larger remainder, then the smaller code.
 */
export function allocateLetters(
	strata: Stratum[],
	total: number,
	oversampling: Record<string, number> = {}
): Allocation[] {
	const available = strata.reduce((sum, s) => sum + s.available, 0);
	let remaining = Math.min(total, available);
	const letters = new Map(strata.map((s) => [s.key, 0]));
	const targets = new Map<string, number>();
	let open = strata.filter((s) => s.available > 0 && s.population > 0);
	const weight = (s: Stratum) => s.population * (oversampling[s.territory] ?? 1);
	let first = true;
	while (remaining > 0 && open.length) {
		const sum = open.reduce((acc, s) => acc + weight(s), 0);
		const shares = open.map((s) => {
			const exact = (remaining * weight(s)) / sum;
			if (first) targets.set(s.key, exact);
			return { s, exact, floor: Math.floor(exact) };
		});
		first = false;
		let given = shares.reduce((acc, x) => acc + x.floor, 0);
		const byRemainder = [...shares].sort(
			(a, b) => b.exact - b.floor - (a.exact - a.floor) || (a.s.key < b.s.key ? -1 : 1)
		);
		const extra = new Set(byRemainder.slice(0, remaining - given).map((x) => x.s.key));
		given = 0;
		for (const { s, floor } of shares) {
			const wanted = letters.get(s.key)! + floor + (extra.has(s.key) ? 1 : 0);
			const capped = Math.min(wanted, s.available);
			given += capped - letters.get(s.key)!;
			letters.set(s.key, capped);
		}
		remaining -= given;
		open = open.filter((s) => letters.get(s.key)! < s.available);
		if (given === 0) break;
	}
	return strata.map((s) => ({
		key: s.key,
		target: targets.get(s.key) ?? 0,
		letters: letters.get(s.key)!
	}));
}

export interface DrawnAddress<A> {
	address: A;
	commune: string;
}

/**
 * The addresses that receive a letter: in each commune, the first ones of a
 * shuffle drawn from the seed (a partial Fisher–Yates: only as many steps as
 * letters). The base's order matters, so callers pass it in a stable order
 * (by the BAN identifier).
 */
export function drawAddresses<A>(
	byCommune: Map<string, A[]>,
	allocation: Allocation[],
	seed: string
): DrawnAddress<A>[] {
	const drawn: DrawnAddress<A>[] = [];
	for (const { key, letters } of [...allocation].sort((a, b) => (a.key < b.key ? -1 : 1))) {
		if (!letters) continue;
		const pool = [...(byCommune.get(key) ?? [])];
		const random = new SeededRandom(seed, `adresses:${key}`);
		for (let i = 0; i < letters; i++) {
			const j = i + random.below(pool.length - i);
			[pool[i], pool[j]] = [pool[j], pool[i]];
			drawn.push({ address: pool[i], commune: key });
		}
	}
	return drawn;
}
