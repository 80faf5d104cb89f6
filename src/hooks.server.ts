import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { decideAccess } from '$lib/server/auth/access';
import { getContext, getLogger, startRuntime, whileServing } from '$lib/server/runtime';
import { errorReference, keepServingOnErrors } from '$lib/server/process-guards';
import { validateSessionToken } from '$lib/server/auth/sessions';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie
} from '$lib/server/web/session-cookie';
import { actorOf } from '$lib/server/users/user';
import { mustNotBeCached } from '$lib/server/security/personal-pages';
import { DISPLAY_COOKIE, htmlAttributes, parseDisplaySettings } from '$lib/display-settings';

export const init: ServerInit = async () => {
	keepServingOnErrors((message, error) => getLogger().error(message, { error }));
	await startRuntime();
};

export const handle: Handle = ({ event, resolve }) => whileServing(() => serve(event, resolve));

async function serve(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const { cookies, locals, url } = event;
	locals.ctx = getContext(url);
	locals.user = null;
	locals.session = null;
	locals.actor = null;
	locals.accessRefused = false;
	locals.display = parseDisplaySettings(cookies.get(DISPLAY_COOKIE));

	const token = cookies.get(SESSION_COOKIE);
	if (token) {
		const validated = await validateSessionToken(locals.ctx.db, token);
		if (validated) {
			locals.user = validated.user;
			locals.session = validated.session;
			locals.actor = actorOf(validated.user);
			setSessionCookie(cookies, url, token, validated.session.expiresAt);
		} else {
			deleteSessionCookie(cookies, url);
		}
	}

	const refusal = refuseByAccessTable(event);
	if (refusal) return refusal;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%concerto.html_attributes%', htmlAttributes(locals.display))
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (mustNotBeCached(url.pathname, Boolean(locals.user))) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
}

/**
 * The access table decides before anything runs: a visitor is sent to sign
 * in, a refused form action never reaches its code, and a page or action the
 * table does not name is refused.
 */
function refuseByAccessTable(event: RequestEvent): Response | null {
	const { locals, url, request } = event;
	const decision = decideAccess(event.route.id, request.method, url, locals.actor);
	if (decision === 'allowed') return null;
	const reading = request.method === 'GET' || request.method === 'HEAD';
	// Client-side navigations fetch data: the loads' own guards answer them in
	// the format the client expects.
	if (reading && event.isDataRequest) return null;
	// Forms improved by use:enhance expect SvelteKit's JSON answer.
	const enhanced = request.headers.get('x-sveltekit-action') === 'true';
	if (decision === 'sign-in') {
		const back = reading ? url.pathname + url.search : url.pathname;
		const location = `/connexion?redirectTo=${encodeURIComponent(back)}`;
		return enhanced
			? Response.json({ type: 'redirect', status: 303, location })
			: new Response(null, { status: 303, headers: { location } });
	}
	// Pages refused by the table render the usual error page from the
	// back-office layout; anything else the table does not allow stops here.
	if (decision === 'forbidden' && reading && event.route.id?.startsWith('/admin')) {
		locals.accessRefused = true;
		return null;
	}
	if (enhanced)
		return Response.json(
			{ type: 'error', error: { message: 'Votre compte ne permet pas cette action.' } },
			{ status: 403 }
		);
	return new Response(REFUSED_PAGE, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

const REFUSED_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Accès refusé — Concerto</title></head><body><main><h1>Accès refusé</h1><p>Votre compte ne permet pas cette action.</p><p><a href="/">Revenir à l’accueil</a></p></main></body></html>`;

/** Unexpected errors: logged with a reference, shown in French without details. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		const reference = errorReference();
		getLogger().error(`Erreur ${reference}`, {
			reference,
			method: event.request.method,
			route: event.route.id,
			error
		});
		return { message: `Une erreur inattendue est survenue (référence ${reference}).` };
	}
	return { message: status === 415 ? 'Ce formulaire doit être envoyé depuis la page.' : message };
};
