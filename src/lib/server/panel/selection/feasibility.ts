import type { Highs } from 'highs';
import { defaultBounds, panelExists, type QuotaBounds } from './panels';
import { SelectionError, type Category } from './problem';
import { profilesOfQuota, type SelectionModel } from './profiles';

function plural(count: number, word: string): string {
	return `${count} ${word}${count > 1 ? 's' : ''}`;
}

/** Conflicts visible by simple counting, worded for the officer. */
function countingConflicts(model: SelectionModel, categories: Category[]): string[] {
	const conflicts: string[] = [];
	const available = model.quotas.map((quota) =>
		profilesOfQuota(model, quota).reduce((sum, t) => sum + model.profiles[t].members.length, 0)
	);
	model.quotas.forEach((quota, q) => {
		if (quota.min > quota.max) {
			conflicts.push(
				`« ${quota.label} » : le minimum (${quota.min}) dépasse le maximum (${quota.max}).`
			);
		} else if (quota.min > available[q]) {
			conflicts.push(
				`« ${quota.label} » : au moins ${quota.min} demandés, mais ${plural(available[q], 'volontaire')} seulement.`
			);
		}
	});
	categories.forEach((category, c) => {
		const rows = model.quotas
			.map((quota, q) => ({ quota, q }))
			.filter(({ quota }) => quota.category === c);
		const minimum = rows.reduce((sum, { quota }) => sum + quota.min, 0);
		const reachable = rows.reduce(
			(sum, { quota, q }) => sum + Math.min(quota.max, available[q]),
			0
		);
		if (minimum > model.size) {
			conflicts.push(
				`« ${category.name} » : les minimums totalisent ${minimum}, plus que les ${model.size} sièges.`
			);
		}
		if (reachable < model.size) {
			conflicts.push(
				`« ${category.name} » : les maximums et les volontaires disponibles ne permettent de pourvoir que ${reachable} sièges sur ${model.size}.`
			);
		}
	});
	return conflicts;
}

/**
 * Finds a smallest set of quota bounds that cannot hold together (a deletion
 * filter: drop each bound in turn and keep it dropped while the rest stays
 * infeasible). What is left is an irreducible conflict, worded bound by bound.
 */
function irreducibleConflict(highs: Highs, model: SelectionModel): string[] {
	const bounds: QuotaBounds = defaultBounds(model);
	for (let q = 0; q < bounds.length; q++) {
		for (const side of ['min', 'max'] as const) {
			const kept = bounds[q][side];
			if (kept === null) continue;
			bounds[q][side] = null;
			if (panelExists(highs, model, bounds)) bounds[q][side] = kept;
		}
	}
	const conflicts: string[] = [];
	model.quotas.forEach((quota, q) => {
		if (bounds[q].min !== null && quota.min > 0)
			conflicts.push(`« ${quota.label} » : au moins ${quota.min}`);
		if (bounds[q].max !== null) conflicts.push(`« ${quota.label} » : au plus ${quota.max}`);
	});
	return conflicts;
}

/** Throws a SelectionError naming the conflicting quotas when no panel respects them. */
export function assertQuotasFeasible(
	highs: Highs,
	model: SelectionModel,
	categories: Category[]
): void {
	const counted = countingConflicts(model, categories);
	if (counted.length > 0) {
		throw new SelectionError('Les quotas ne peuvent pas être respectés.', counted);
	}
	if (panelExists(highs, model, defaultBounds(model))) return;
	const conflicts = irreducibleConflict(highs, model);
	const household = model.households.length > 0 ? ' (avec la règle d’une personne par foyer)' : '';
	throw new SelectionError(
		`Aucun panel de ${model.size} personnes ne respecte ensemble ces quotas${household}.`,
		conflicts.length > 0
			? conflicts
			: ['Les volontaires du vivier ne suffisent pas pour ces quotas.']
	);
}
