import { SelectionError, quotaLabel, type SelectionInput } from './problem';

/**
 * Volunteers with the same value in every category are interchangeable: the
 * fair lottery gives them the same probability, so the solver works on
 * profiles (one integer count per profile) instead of on people. A volunteer
 * who shares a household with another stays a profile of their own, so that
 * the household rule can name them.
 */
export type Profile = {
	/** Index of the value of each category, in the order of the categories. */
	values: number[];
	/** Indexes into the input's volunteers. */
	members: number[];
};

export type QuotaRow = { category: number; value: number; label: string; min: number; max: number };

export type SelectionModel = {
	size: number;
	profiles: Profile[];
	quotas: QuotaRow[];
	/** Profile indexes of each household with several volunteers (at most one seat each). */
	households: number[][];
};

export function buildSelectionModel(input: SelectionInput): SelectionModel {
	const { categories, volunteers } = input;
	if (!Number.isInteger(input.size) || input.size < 1) {
		throw new SelectionError('Le nombre de sièges doit être un entier positif.');
	}
	if (input.size > volunteers.length) {
		throw new SelectionError(
			`${input.size} sièges pour ${volunteers.length} volontaires : il faut au moins autant de volontaires que de sièges.`
		);
	}
	const valueIndex = categories.map((category) => {
		const index = new Map<string, number>();
		category.values.forEach((quota, i) => index.set(quota.value, i));
		return index;
	});

	const householdSizes = new Map<string, number>();
	if (input.householdRule) {
		for (const volunteer of volunteers) {
			if (volunteer.household) {
				householdSizes.set(volunteer.household, (householdSizes.get(volunteer.household) ?? 0) + 1);
			}
		}
	}

	const profiles: Profile[] = [];
	const byKey = new Map<string, number>();
	const householdProfiles = new Map<string, number[]>();
	volunteers.forEach((volunteer, volunteerIndex) => {
		const values = categories.map((category, c) => {
			const raw = volunteer.features[category.name];
			const index = raw === undefined ? undefined : valueIndex[c].get(raw);
			if (index === undefined) {
				throw new SelectionError(
					`Le volontaire « ${volunteer.id} » a ${raw ? `« ${quotaLabel(category.name, raw)} », valeur sans quota` : `aucune valeur pour « ${category.name} »`}.`
				);
			}
			return index;
		});
		const shared = volunteer.household && (householdSizes.get(volunteer.household) ?? 0) > 1;
		const key = shared ? `#${volunteerIndex}` : values.join(',');
		let profileIndex = byKey.get(key);
		if (profileIndex === undefined) {
			profileIndex = profiles.push({ values, members: [] }) - 1;
			byKey.set(key, profileIndex);
		}
		profiles[profileIndex].members.push(volunteerIndex);
		if (shared) {
			const list = householdProfiles.get(volunteer.household!) ?? [];
			list.push(profileIndex);
			householdProfiles.set(volunteer.household!, list);
		}
	});

	const quotas: QuotaRow[] = [];
	categories.forEach((category, c) =>
		category.values.forEach((quota, v) => {
			if (!Number.isInteger(quota.min) || !Number.isInteger(quota.max) || quota.min < 0) {
				throw new SelectionError(
					`Quota « ${quotaLabel(category.name, quota.value)} » : le minimum et le maximum doivent être des entiers positifs.`
				);
			}
			quotas.push({
				category: c,
				value: v,
				label: quotaLabel(category.name, quota.value),
				min: quota.min,
				max: quota.max
			});
		})
	);
	return { size: input.size, profiles, quotas, households: [...householdProfiles.values()] };
}

/** Profiles counted by a quota row. */
export function profilesOfQuota(model: SelectionModel, quota: QuotaRow): number[] {
	const result: number[] = [];
	model.profiles.forEach((profile, t) => {
		if (profile.values[quota.category] === quota.value) result.push(t);
	});
	return result;
}
