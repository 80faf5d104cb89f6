// Alternates: with the panel, an ordered list of substitutes such that
// replacing people who decline keeps every quota.
//
// Method. A volunteer's profile is her values on every criterion that has
// quotas; quotas only count seats per value, so a panel in which someone is
// replaced by a person of the same profile has exactly the same counts, and
// keeps every quota. For each profile of the panel, in the order the panel
// lists them, the volunteers of that profile who are not on the panel are
// taken in an order drawn from the seed, one per profile and per round,
// until the list is as long as asked; a profile never gets more alternates
// than it has seats. Volunteers sharing a household with someone on the
// panel or already on the list are left out when the household rule is on.
// A profile with no alternate of its own gets, in the first round, the first
// volunteer (in the same drawn order) who can replace one of its members
// within every quota: that one covers a single decline.
//
// Guarantee. Let a(p) be the alternates of profile p and m(p) its seats. If
// each person who declines is replaced by the first unused alternate of her
// profile, every set of at most k declines keeps every quota, where k is the
// smallest a(p) among profiles with a(p) < m(p) (all declines if none): the
// declines of profile p number at most min(k, m(p)) ≤ a(p). Checked
// exhaustively on small pools by the tests. (Assos, Baharav, Flanigan and
// Procaccia, « Alternates, Assemble! », EC 2025, choose alternates for
// dropout probabilities learned from past panels; without such data,
// Concerto gives this worst-case guarantee.)
import type { Category, Volunteer } from './problem';
import { SeededRandom } from './random';

export interface Alternate {
	id: string;
	rank: number;
	/** The profile whose declines it replaces. */
	profile: string;
	/** False for a volunteer of another profile who fits a single decline. */
	sameProfile: boolean;
}

export interface AlternateList {
	alternates: Alternate[];
	/** Any this many declines are replaced within every quota. */
	guaranteedDeclines: number;
	/** Panel members that no alternate on the list can replace. */
	uncovered: string[];
}

export interface AlternateInput {
	categories: Category[];
	volunteers: Volunteer[];
	/** The ids on the panel. */
	panel: string[];
	count: number;
	seed: string;
	householdRule: boolean;
}

export const profileKey = (categories: Category[], v: Volunteer) =>
	JSON.stringify(categories.map((c) => v.features[c.name] ?? null));

/** Whether the ids respect every quota. */
export function respectsQuotas(categories: Category[], people: Volunteer[]): boolean {
	return categories.every((c) =>
		c.values.every((q) => {
			const n = people.filter((v) => v.features[c.name] === q.value).length;
			return n >= q.min && n <= q.max;
		})
	);
}

export function chooseAlternates(input: AlternateInput): AlternateList {
	const byId = new Map(input.volunteers.map((v) => [v.id, v]));
	const panel = input.panel.map((id) => byId.get(id)!);
	const onPanel = new Set(input.panel);
	const households = new Set(
		input.householdRule ? panel.map((v) => v.household).filter(Boolean) : []
	);
	const order = new SeededRandom(input.seed, 'suppléants').shuffle(
		input.volunteers
			.filter((v) => !onPanel.has(v.id))
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
	);
	const seats = new Map<string, number>();
	for (const v of panel) {
		const key = profileKey(input.categories, v);
		seats.set(key, (seats.get(key) ?? 0) + 1);
	}
	const profiles = [...seats.keys()];
	const listed = new Set<string>();
	const alternates: Alternate[] = [];
	const own = new Map(profiles.map((p) => [p, 0]));
	const free = (v: Volunteer) =>
		!listed.has(v.id) && !(input.householdRule && v.household && households.has(v.household));
	const take = (v: Volunteer, profile: string, sameProfile: boolean) => {
		listed.add(v.id);
		if (input.householdRule && v.household) households.add(v.household);
		alternates.push({ id: v.id, rank: alternates.length + 1, profile, sameProfile });
	};
	for (let round = 1; alternates.length < input.count; round++) {
		let added = false;
		for (const profile of profiles) {
			if (alternates.length >= input.count) break;
			if (own.get(profile)! >= Math.min(round, seats.get(profile)!)) continue;
			const same = order.find((v) => free(v) && profileKey(input.categories, v) === profile);
			if (same) {
				take(same, profile, true);
				own.set(profile, own.get(profile)! + 1);
				added = true;
			} else if (round === 1) {
				const member = panel.find((v) => profileKey(input.categories, v) === profile)!;
				const others = panel.filter((v) => v !== member);
				const fit = order.find((v) => free(v) && respectsQuotas(input.categories, [...others, v]));
				if (fit) {
					take(fit, profile, false);
					added = true;
				}
			}
		}
		if (!added) break;
	}
	const short = profiles.filter((p) => own.get(p)! < seats.get(p)!).map((p) => own.get(p)!);
	const guaranteedDeclines = short.length ? Math.min(...short) : panel.length;
	const uncovered = panel
		.filter((v) => !alternates.some((a) => a.profile === profileKey(input.categories, v)))
		.map((v) => v.id);
	return { alternates, guaranteedDeclines, uncovered };
}

/**
 * Who replaces `declined` on `current` (the panel as it is now): the first
 * unused alternate of her profile, else the first unused one with whom the
 * panel keeps every quota; null when none does.
 */
export function replacementFor(
	declined: string,
	current: string[],
	list: Alternate[],
	used: ReadonlySet<string>,
	input: Pick<AlternateInput, 'categories' | 'volunteers' | 'householdRule'>
): Alternate | null {
	const byId = new Map(input.volunteers.map((v) => [v.id, v]));
	const person = byId.get(declined)!;
	const profile = profileKey(input.categories, person);
	const unused = list.filter((a) => !used.has(a.id) && !current.includes(a.id));
	const others = current.filter((id) => id !== declined).map((id) => byId.get(id)!);
	const homes = new Set(others.map((v) => v.household).filter(Boolean));
	const fits = (a: Alternate) => {
		const v = byId.get(a.id)!;
		if (input.householdRule && v.household && homes.has(v.household)) return false;
		return respectsQuotas(input.categories, [...others, v]);
	};
	return (
		unused.find((a) => a.sameProfile && a.profile === profile && fits(a)) ??
		unused.find((a) => fits(a)) ??
		null
	);
}
