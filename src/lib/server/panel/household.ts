/**
 * One key per postal address, so that « 3, Rue de l'Église » and
 * « 3 rue de l'eglise » are the same household: lower case, no accents, only
 * letters and digits separated by single spaces.
 */
export function householdKey(parts: (string | null | undefined)[]): string | null {
	const key = parts
		.filter(Boolean)
		.join(' ')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	return key || null;
}
