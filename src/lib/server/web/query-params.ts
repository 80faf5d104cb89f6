import { wholeNumber } from '$lib/codes';
// Numbers read from an address's query (?page=2, ?membre=14): one parser, so
// that « 1e309 », « 99999999999999999999 » or « -3 » fall back to a sensible
// value instead of reaching the database.
export function queryInt(
	url: URL,
	name: string,
	options: { min?: number; max?: number; fallback: number }
): number;
export function queryInt(
	url: URL,
	name: string,
	options: { min?: number; max?: number; fallback?: undefined }
): number | undefined;
export function queryInt(
	url: URL,
	name: string,
	options: { min?: number; max?: number; fallback?: number }
): number | undefined {
	const { min = 0, max = 999_999_999, fallback } = options;
	const raw = url.searchParams.get(name)?.trim() ?? '';
	const value = wholeNumber(raw);
	if (value === null) return fallback;
	return value < min ? fallback : Math.min(value, max);
}

/** ?page=N, from 1 to 10,000. */
export function pageParam(url: URL): number {
	return queryInt(url, 'page', { min: 1, max: 10_000, fallback: 1 });
}
