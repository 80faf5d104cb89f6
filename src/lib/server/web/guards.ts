import { error, redirect } from '@sveltejs/kit';
import type { User } from '../users/user';
import { can, type Actor, type Permission } from '../auth/permissions';

/** Sends visitors to the sign-in page, then back here. */
export function requireUser(locals: App.Locals, url: URL): { user: User; actor: Actor } {
	if (!locals.user || !locals.actor) {
		redirect(303, `/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return { user: locals.user, actor: locals.actor };
}

export function requirePermission(locals: App.Locals, url: URL, permission: Permission): Actor {
	const { actor } = requireUser(locals, url);
	if (!can(actor, permission))
		error(403, { message: 'Votre compte ne donne pas accès à cette page.' });
	return actor;
}
