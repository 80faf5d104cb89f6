// Codes of the glossary (statuses, channels, roles…) read from a query
// string, a form or a stored row: the value when it is one of the codes.

export function oneOf<T extends string>(codes: readonly T[], value: unknown): T | undefined;
export function oneOf<T extends string>(codes: readonly T[], value: unknown, fallback: T): T;
export function oneOf<T extends string>(
	codes: readonly T[],
	value: unknown,
	fallback?: T
): T | undefined {
	return (codes as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/** A whole number of one to nine digits as typed, posted or addressed (a row id, a position), or null. */
export function wholeNumber(value: unknown): number | null {
	return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The French label of a code, or the code itself when the vocabulary has no label for it. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
	return Object.hasOwn(labels, code) ? labels[code] : code;
}
