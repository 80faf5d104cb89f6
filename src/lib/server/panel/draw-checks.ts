// What can be said of a draw in plain French before and after computing it:
// seats or quotas the pool cannot fill (refused at once), and volunteers whose
// chance is 0 % or 100 %, with the quota that causes it.
import { criterionLabel } from './criteria';
import { quotaLabel } from './selection/problem';

export interface QuotaRow {
	criterion: string;
	value: string;
	min: number;
	max: number;
}

export interface ChanceOf {
	profile: Record<string, string>;
	probability: number;
}

const CERTAIN = 1 - 1e-6;
const IMPOSSIBLE = 1e-6;

const volunteers = (n: number) => `${n} volontaire${n > 1 ? 's' : ''}`;
const seats = (n: number) => `${n} siège${n > 1 ? 's' : ''}`;
const named = (q: QuotaRow) => `« ${quotaLabel(criterionLabel(q.criterion), q.value)} »`;

/** How many in the pool have each criterion's value. */
export function poolCounts(profiles: Record<string, string>[]) {
	return (q: QuotaRow) => profiles.filter((p) => p[q.criterion] === q.value).length;
}

/**
 * Said before anything is computed: more seats than volunteers. Quotas that
 * cannot hold are named by the selection itself (selection/feasibility.ts).
 */
export function seatProblems(size: number, pool: number): string[] {
	return size > pool
		? [
				`${seats(size)} pour ${volunteers(pool)} : il faut au moins autant de volontaires que de sièges.`
			]
		: [];
}

/** Volunteers sure to be drawn or left out, and the quotas that explain it. */
export function extremeChances(
	quotas: QuotaRow[],
	people: ChanceOf[]
): { certain: number; impossible: number; warnings: string[]; publicReasons: string[] } {
	const countOf = poolCounts(people.map((p) => p.profile));
	const certain = people.filter((p) => p.probability >= CERTAIN);
	const impossible = people.filter((p) => p.probability <= IMPOSSIBLE);
	const warnings: string[] = [];
	// For the public page: the cause without counting people (small groups stay unsaid).
	const publicReasons: string[] = [];
	const explained = new Set<ChanceOf>();
	for (const q of quotas) {
		const concerned = (group: ChanceOf[]) =>
			group.filter((p) => p.profile[q.criterion] === q.value);
		const count = countOf(q);
		if (q.min > 0 && q.min >= count && concerned(certain).length > 0) {
			concerned(certain).forEach((p) => explained.add(p));
			warnings.push(
				`${volunteers(count)} à 100 % : ${named(q)} demande au moins ${seats(q.min)} et le vivier n’en a que ${count} ; chacun est sûr d’être tiré.`
			);
			publicReasons.push(
				`${named(q)} : le minimum de sièges égale le nombre de volontaires, tous sont tirés.`
			);
		}
		if (q.max === 0 && concerned(impossible).length > 0) {
			concerned(impossible).forEach((p) => explained.add(p));
			warnings.push(
				`${volunteers(count)} à 0 % : ${named(q)} n’a aucun siège ; personne de cette valeur ne peut être tiré.`
			);
			publicReasons.push(`${named(q)} : aucun siège, personne de ce groupe ne peut être tiré.`);
		}
	}
	const rest = (group: ChanceOf[], chance: string, what: string) => {
		const left = group.filter((p) => !explained.has(p)).length;
		if (left > 0) {
			publicReasons.push(`Des volontaires ${what}, par la combinaison des quotas.`);
			warnings.push(
				`${volunteers(left)} à ${chance} : ${what}, par la combinaison des quotas${quotas.length ? '' : ' et du nombre de sièges'} (ou la règle d’une personne par foyer).`
			);
		}
	};
	rest(certain, '100 %', 'sûr·es d’être tiré·es');
	rest(impossible, '0 %', 'sans aucune chance');
	return { certain: certain.length, impossible: impossible.length, warnings, publicReasons };
}
