// Where to go back to after signing in: a path of this site, and nothing a
// browser could read as another host. Browsers drop tabs and new lines from
// URLs and read « \ » as « / », so « /%09/evil.example » would lead away;
// control characters in a Location header would break the response.
const ORIGIN = 'http://concerto.invalid';
// Control characters, every Unicode space (U+3000 included), the BOM.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\\]/u;

/** A same-site path to go back to after signing in; anything else is ignored. */
export function safeRedirectPath(candidate: string | null | undefined): string | null {
	if (!candidate || candidate.length > 2000) return null;
	if (!candidate.startsWith('/') || candidate.startsWith('//')) return null;
	if (UNSAFE.test(candidate)) return null;
	let decoded: string;
	try {
		decoded = decodeURIComponent(candidate);
	} catch {
		return null;
	}
	// Encoded the same way (%2F%2F, %5C, %09), they would come back after one more decoding.
	if (decoded.startsWith('//') || UNSAFE.test(decoded)) return null;
	let url: URL;
	try {
		url = new URL(candidate, ORIGIN);
	} catch {
		return null;
	}
	if (url.origin !== ORIGIN) return null;
	return url.pathname + url.search + url.hash;
}
