// The inputs of a draw, independent of where they come from (the panel
// registry or the Sortition Foundation's CSV files read by the CLI).

export type QuotaValue = {
	value: string;
	min: number;
	max: number;
	/** Sortition Foundation's optional relaxation bounds, kept for the report. */
	minFlex?: number;
	maxFlex?: number;
};

export type Category = { name: string; values: QuotaValue[] };

export type Volunteer = {
	id: string;
	/** Category name → value, for every category that has quotas. */
	features: Record<string, string>;
	/** Normalised address; two volunteers with the same key share a household. */
	household?: string | null;
};

export type SelectionInput = {
	size: number;
	categories: Category[];
	volunteers: Volunteer[];
	/** At most one person per household. */
	householdRule: boolean;
};

export class SelectionError extends Error {
	constructor(
		message: string,
		readonly conflicts: string[] = []
	) {
		super(message);
		this.name = 'SelectionError';
	}
}

export function quotaLabel(category: string, value: string): string {
	return `${category} = ${value}`;
}
