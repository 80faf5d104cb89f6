import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { newPasswordSchema } from '$lib/server/auth/schemas';
import { completePasswordReset, findUserByResetToken } from '$lib/server/auth/password-reset';
import { createSession } from '$lib/server/auth/sessions';
import { setSessionCookie } from '$lib/server/web/session-cookie';
import { handleForm } from '$lib/server/web/forms';

const EXPIRED = {
	message:
		'Ce lien n’est plus valable : il a déjà servi, ou il a expiré (un lien de réinitialisation vaut une heure, une invitation sept jours).',
	link: { href: '/mot-de-passe-oublie', label: 'Demander un nouveau lien' }
};

export const load: PageServerLoad = async ({ params }) => {
	const user = await findUserByResetToken(getDb(), params.token);
	if (!user) error(400, EXPIRED);
	return { email: user.email };
};

export const actions: Actions = {
	default: ({ request, params, cookies, url }) =>
		handleForm(
			request,
			newPasswordSchema,
			async ({ password }) => {
				const db = getDb();
				const user = await completePasswordReset(db, params.token, password);
				if (!user) error(400, EXPIRED);
				const { token, session } = await createSession(db, user.id);
				setSessionCookie(cookies, url, token, session.expiresAt);
				redirect(303, '/compte?info=mot-de-passe');
			},
			{ secret: ['password', 'confirmation'] }
		)
};
