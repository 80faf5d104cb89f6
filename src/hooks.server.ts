import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb, startRuntime } from '$lib/server/runtime';
import { errorReference, keepServingOnErrors } from '$lib/server/process-guards';
import { validateSessionToken } from '$lib/server/auth/sessions';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/cookie';
import { actorOf } from '$lib/server/users/user';
import { showsPersonalData } from '$lib/server/security/personal-pages';
import { DISPLAY_COOKIE, htmlAttributes, parseDisplaySettings } from '$lib/display-settings';

export const init: ServerInit = async () => {
	keepServingOnErrors();
	await startRuntime();
};

export const handle: Handle = async ({ event, resolve }) => {
	const { cookies, locals, url } = event;
	locals.user = null;
	locals.session = null;
	locals.actor = null;
	locals.display = parseDisplaySettings(cookies.get(DISPLAY_COOKIE));

	const token = cookies.get(SESSION_COOKIE);
	if (token) {
		const validated = await validateSessionToken(getDb(), token);
		if (validated) {
			locals.user = validated.user;
			locals.session = validated.session;
			locals.actor = actorOf(validated.user);
			setSessionCookie(cookies, url, token, validated.session.expiresAt);
		} else {
			deleteSessionCookie(cookies, url);
		}
	}

	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%concerto.html_attributes%', htmlAttributes(locals.display))
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (locals.user || showsPersonalData(url.pathname)) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** Unexpected errors: logged with a reference, shown in French without details. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) {
		const reference = errorReference();
		console.error(`Erreur ${reference} :`, error);
		return { message: `Une erreur inattendue est survenue (référence ${reference}).` };
	}
	return { message: status === 415 ? 'Ce formulaire doit être envoyé depuis la page.' : message };
};
