import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { loginSchema } from '$lib/server/auth/schemas';
import { logIn } from '$lib/server/auth/login';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { can } from '$lib/server/auth/permissions';
import { actorOf } from '$lib/server/users/user';
import { handleForm } from '$lib/server/web/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')) ?? '/compte');
};

export const actions: Actions = {
	default: ({ request, cookies, url, getClientAddress }) =>
		handleForm(
			request,
			loginSchema,
			async (login) => {
				const db = getDb();
				const user = await logIn(db, { ...login, ipAddress: getClientAddress() });
				const { token, session } = await createSession(db, user.id);
				setSessionCookie(cookies, url, token, session.expiresAt);
				const fallback = can(actorOf(user), 'backoffice.access') ? '/admin' : '/compte';
				redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')) ?? fallback);
			},
			{ secret: ['password'] }
		)
};
