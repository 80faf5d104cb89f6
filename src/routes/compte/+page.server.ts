import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
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
import { blankSecrets, failForm, orHttpError } from '$lib/server/web/http';
import { myPanelRecord } from '$lib/server/panel/my-registration';

const profileAdapter = zod4(profileSchema);
const passwordAdapter = zod4(changePasswordSchema);
const deleteAdapter = zod4(deleteAccountSchema);

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
		panel: await myPanelRecord(getDb(), actor),
		profileForm: await superValidate({ displayName: account.displayName }, profileAdapter, {
			id: 'profile',
			errors: false
		}),
		passwordForm: await superValidate(passwordAdapter, { id: 'password' }),
		deleteForm: await superValidate(deleteAdapter, { id: 'delete' })
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, url }) => {
		const { actor } = requireUser(locals, url);
		const form = await superValidate(request, profileAdapter, { id: 'profile' });
		if (!form.valid) return fail(400, { form: form });
		try {
			await updateOwnProfile(getDb(), actor, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, { type: 'success', text: 'Votre nom a été enregistré.' });
	},

	password: async ({ request, locals, url, cookies, getClientAddress }) => {
		const { actor } = requireUser(locals, url);
		const form = await superValidate(request, passwordAdapter, { id: 'password' });
		const secrets = ['currentPassword', 'password', 'confirmation'];
		if (!form.valid) return fail(400, { form: blankSecrets(form, secrets) });
		const db = getDb();
		try {
			await changeOwnPassword(db, actor, { ...form.data, ipAddress: getClientAddress() });
		} catch (caught) {
			return failForm(form, caught, secrets);
		}
		// Every session was closed, other devices included: open a new one here.
		const { token, session } = await createSession(db, actor.id);
		setSessionCookie(cookies, url, token, session.expiresAt);
		blankSecrets(form, secrets);
		return message(form, {
			type: 'success',
			text: 'Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.'
		});
	},

	delete: async ({ request, locals, url, cookies, getClientAddress }) => {
		const { actor } = requireUser(locals, url);
		const form = await superValidate(request, deleteAdapter, { id: 'delete' });
		if (!form.valid) return fail(400, { form: blankSecrets(form, ['password']) });
		try {
			await deleteOwnAccount(locals.ctx, actor, form.data.password, getClientAddress(), {
				withTexts: form.data.withTexts
			});
		} catch (caught) {
			return failForm(form, caught, ['password']);
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/compte/supprime');
	}
};
