// The respondent's draft lives on the server; the browser keeps only a token
// in a cookie scoped to the consultation's pages.
import type { Cookies } from '@sveltejs/kit';
import type { Consultation } from '../consultations/model';

const cookieName = (consultation: Consultation) => `reponse_${consultation.id}`;

function cookieOptions(consultation: Consultation, url: URL) {
	return {
		path: `/consultations/${consultation.slug}`,
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		maxAge: 60 * 24 * 3600
	};
}

/** The respondent's draft lives on the server; the browser keeps only this token. */
export function setDraftCookie(
	cookies: Cookies,
	url: URL,
	consultation: Consultation,
	token: string
) {
	cookies.set(cookieName(consultation), token, cookieOptions(consultation, url));
}

export function readDraftCookie(cookies: Cookies, consultation: Consultation): string | null {
	return cookies.get(cookieName(consultation)) ?? null;
}

export function clearDraftCookie(cookies: Cookies, url: URL, consultation: Consultation) {
	cookies.delete(cookieName(consultation), cookieOptions(consultation, url));
}
