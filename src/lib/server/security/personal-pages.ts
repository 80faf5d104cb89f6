// Pages that show someone's data, by account or by a link's token: never
// kept by a browser's or a proxy's cache (Cache-Control: no-store), so that
// the next person on a shared computer cannot go back to them.
export const PERSONAL_PAGE_PREFIXES = [
	'/admin',
	'/compte',
	'/mes-groupes',
	'/mes-contributions',
	'/consultations/', // answers in progress, the thank-you page with its codes
	'/inscriptions/',
	'/mot-de-passe-oublie/',
	'/panel/inscription/',
	'/panel/confirmation/',
	'/retours/desabonnement/',
	'/donnees-personnelles/demande/',
	'/suivi'
] as const;

export function showsPersonalData(pathname: string): boolean {
	return PERSONAL_PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** The same bytes for everyone, signed in or not: they set their own caching. */
const PUBLIC_ASSETS = ['/logo'] as const;

/** Whether a response must not be kept by any cache. */
export function mustNotBeCached(pathname: string, signedIn: boolean): boolean {
	if (PUBLIC_ASSETS.some((asset) => pathname === asset)) return false;
	return signedIn || showsPersonalData(pathname);
}
