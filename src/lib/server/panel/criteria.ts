// What a draw's quotas look at: each person's value for each criterion.
import { AGE_BANDS } from '$lib/consultation-vocabulary';
import {
	BASE_CRITERIA,
	NO,
	PANEL_GENDERS,
	PANEL_SITUATIONS,
	UNSPECIFIED,
	YES,
	situationCriterion
} from '$lib/panel-vocabulary';

export interface PoolPerson {
	id: number;
	pseudonym: string;
	territoryName: string | null;
	ageBand: string | null;
	gender: string | null;
	situations: string[];
	householdKey: string | null;
}

export const ALL_CRITERIA: { code: string; label: string }[] = [
	...BASE_CRITERIA,
	...PANEL_SITUATIONS.map((s) => ({ code: situationCriterion(s.code), label: s.short }))
];

export function criterionLabel(code: string): string {
	return ALL_CRITERIA.find((c) => c.code === code)?.label ?? code;
}

const ageLabel = (code: string | null) =>
	AGE_BANDS.find((a) => a.code === code)?.label ?? UNSPECIFIED;

export function valueOf(person: PoolPerson, criterion: string): string {
	if (criterion === 'territoire') return person.territoryName ?? UNSPECIFIED;
	if (criterion === 'age') return ageLabel(person.ageBand);
	if (criterion === 'genre') return person.gender ?? UNSPECIFIED;
	const situation = criterion.replace(/^situation:/, '');
	return person.situations.includes(situation) ? YES : NO;
}

/** Every value a criterion can take, in display order, with those of the pool first known. */
export function valuesOf(criterion: string, territories: string[]): string[] {
	if (criterion === 'territoire') return [...territories, UNSPECIFIED];
	if (criterion === 'age') return [...AGE_BANDS.map((a) => a.label), UNSPECIFIED];
	if (criterion === 'genre') return [...PANEL_GENDERS, UNSPECIFIED];
	return [YES, NO];
}
