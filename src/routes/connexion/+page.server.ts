import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { loginSchema } from '$lib/server/auth/schemas';
import { logIn } from '$lib/server/auth/login';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { can } from '$lib/server/auth/permissions';
import { actorOf } from '$lib/server/users/user';
import { blankSecrets, failForm } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')) ?? '/compte');
	return { form: await superValidate(zod4(loginSchema)) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await superValidate(request, zod4(loginSchema));
		if (!form.valid) return fail(400, { form: blankSecrets(form, ['password']) });
		const db = getDb();
		let user;
		try {
			user = await logIn(db, { ...form.data, ipAddress: getClientAddress() });
		} catch (caught) {
			return failForm(form, caught, ['password']);
		}
		const { token, session } = await createSession(db, user.id);
		setSessionCookie(cookies, url, token, session.expiresAt);
		const fallback = can(actorOf(user), 'backoffice.access') ? '/admin' : '/compte';
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')) ?? fallback);
	}
};
