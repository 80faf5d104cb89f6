import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/web/guards';
import { changePasswordSchema, deleteAccountSchema } from '$lib/server/auth/schemas';
import { profileSchema } from '$lib/server/users/schemas';
import {
	changeOwnPassword,
	deleteOwnAccount,
	getOwnAccount,
	updateOwnProfile
} from '$lib/server/users/account';
import { createSession } from '$lib/server/auth/sessions';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/web/session-cookie';
import { ROLE_LABELS } from '$lib/server/auth/permissions';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { myPanelRecord } from '$lib/server/panel/my-registration';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = requireUser(locals, url);
	const account = await orHttpError(getOwnAccount(getDb(), actor));
	return {
		account: {
			email: account.email,
			displayName: account.displayName,
			roleLabel: ROLE_LABELS[account.role],
			createdAt: account.createdAt,
			lastLoginAt: account.lastLoginAt
		},
		info: url.searchParams.get('info'),
		panel: await myPanelRecord(getDb(), actor)
	};
};

export const actions: Actions = {
	profile: ({ request, locals, url }) => {
		const { actor } = requireUser(locals, url);
		return handleForm(
			request,
			profileSchema,
			async (profile) => {
				await updateOwnProfile(getDb(), actor, profile);
				return 'Votre nom a été enregistré.';
			},
			{ form: 'profile', keepValues: true }
		);
	},

	password: ({ request, locals, url, cookies, getClientAddress }) => {
		const { actor } = requireUser(locals, url);
		return handleForm(
			request,
			changePasswordSchema,
			async (change) => {
				const db = getDb();
				await changeOwnPassword(db, actor, { ...change, ipAddress: getClientAddress() });
				// Every session was closed, other devices included: open a new one here.
				const { token, session } = await createSession(db, actor.id);
				setSessionCookie(cookies, url, token, session.expiresAt);
				return 'Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.';
			},
			{ form: 'password', secret: ['currentPassword', 'password', 'confirmation'] }
		);
	},

	delete: ({ request, locals, url, cookies, getClientAddress }) => {
		const { actor } = requireUser(locals, url);
		return handleForm(
			request,
			deleteAccountSchema,
			async ({ password, withTexts }) => {
				await deleteOwnAccount(locals.ctx, actor, password, getClientAddress(), { withTexts });
				deleteSessionCookie(cookies, url);
				redirect(303, '/compte/supprime');
			},
			{ form: 'delete', secret: ['password'] }
		);
	}
};
