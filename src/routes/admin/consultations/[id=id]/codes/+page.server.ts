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
import { handleForm } from '$lib/server/web/forms';

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
	generate: ({ request, locals, params }) =>
		handleForm(
			request,
			invitationBatchSchema,
			async ({ count }) => {
				const batch = await generateInvitationCodes(
					getDb(),
					locals.actor,
					idParam(params.id),
					count
				);
				return `${count} codes créés (lot ${batch}).`;
			},
			{ firstError: true, answer: () => ({ scope: 'generate' }) }
		),
	email: ({ request, locals, params }) =>
		handleForm(
			request,
			invitationMailSchema,
			async ({ emails }) => {
				const { sent, failed } = await sendInvitationCodes(
					locals.ctx,
					locals.actor,
					idParam(params.id),
					emails
				);
				return `${sent} invitation${sent > 1 ? 's' : ''} envoyée${sent > 1 ? 's' : ''}${failed ? `, ${failed} en échec (voir les courriels)` : ''}.`;
			},
			{ firstError: true, answer: () => ({ scope: 'email' }) }
		)
};
