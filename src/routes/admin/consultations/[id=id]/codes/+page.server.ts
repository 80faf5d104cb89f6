import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	generateInvitationCodes,
	listInvitationBatches,
	sendInvitationCodes
} from '$lib/server/consultations/invitations';
import { invitationBatchSchema, invitationMailSchema } from '$lib/server/consultations/schemas';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';
import { failPlain } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'consultations.manage');
	const db = getDb();
	const id = idParam(params.id);
	return {
		consultation: await consultationHeader(db, locals.actor, id),
		batches: await listInvitationBatches(db, actor, id)
	};
};

export const actions: Actions = {
	generate: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = invitationBatchSchema.safeParse({ count: Number(data.get('count')) });
		if (!parsed.success)
			return fail(400, { scope: 'generate', error: parsed.error.issues[0].message });
		try {
			const batch = await generateInvitationCodes(
				getDb(),
				locals.actor,
				idParam(params.id),
				parsed.data.count
			);
			return { scope: 'generate', done: `${parsed.data.count} codes créés (lot ${batch}).` };
		} catch (caught) {
			return failPlain(caught, { scope: 'generate' });
		}
	},
	email: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = invitationMailSchema.safeParse({ emails: data.get('emails') ?? '' });
		if (!parsed.success)
			return fail(400, { scope: 'email', error: parsed.error.issues[0].message });
		try {
			const { sent, failed } = await sendInvitationCodes(
				locals.ctx,
				locals.actor,
				idParam(params.id),
				parsed.data.emails
			);
			return {
				scope: 'email',
				done: `${sent} invitation${sent > 1 ? 's' : ''} envoyée${sent > 1 ? 's' : ''}${failed ? `, ${failed} en échec (voir les courriels)` : ''}.`
			};
		} catch (caught) {
			return failPlain(caught, { scope: 'email' });
		}
	}
};
