import { z } from 'zod';
import { queryInt } from '$lib/server/web/query-params';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { idParam } from '$lib/server/web/params';
import { getGroup, setGroupArchived, updateGroup } from '$lib/server/groups/manage';
import {
	addOutsideMember,
	addPanelMember,
	endMembership,
	GROUP_CONSENT,
	searchPanelForGroup,
	updateMembership
} from '$lib/server/groups/members';
import { openMemberAccount } from '$lib/server/groups/accounts';
import {
	groupSchema,
	hasContact,
	MEMBER_CONTACT_MESSAGE,
	membershipSchema,
	outsideMemberSchema
} from '$lib/server/groups/schemas';
import { groupFormOptions } from '$lib/server/groups/admin-page';

const archiveSchema = z.object({
	archived: z
		.string()
		.default('')
		.transform((v) => v === '1')
});
const personSchema = z.object({ personId: postedId });
const membershipIdSchema = z.object({ membershipId: postedId });

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'groups.manage');
	const db = getDb();
	const id = idParam(params.id);
	const group = await orHttpError(getGroup(db, locals.actor, id));
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const editing = queryInt(url, 'membre', { fallback: 0 });
	return {
		group,
		q,
		found: await searchPanelForGroup(db, locals.actor, id, q),
		editing: group.members.find((m) => m.membershipId === editing && !m.leftAt) ?? null,
		options: await groupFormOptions(db, locals.actor),
		consent: GROUP_CONSENT.text
	};
};

export const actions: Actions = {
	update: ({ request, locals, params }) =>
		handleForm(
			request,
			groupSchema,
			async (group) => {
				await updateGroup(getDb(), locals.actor, idParam(params.id), group);
				return 'Groupe enregistré.';
			},
			{ form: 'update', keepValues: true }
		),
	archive: ({ request, locals, params }) =>
		handleForm(
			request,
			archiveSchema,
			async ({ archived }) => {
				await setGroupArchived(getDb(), locals.actor, idParam(params.id), archived);
				return archived ? 'Groupe archivé.' : 'Groupe rouvert.';
			},
			{ form: 'archive' }
		),
	addPanel: ({ request, locals, params }) =>
		handleForm(
			request,
			membershipSchema.and(personSchema),
			async ({ personId, ...membership }) => {
				await addPanelMember(getDb(), locals.actor, idParam(params.id), personId, membership);
				return 'Membre ajouté.';
			},
			{ form: 'addPanel' }
		),
	addOutside: ({ request, locals, params }) =>
		handleForm(
			request,
			outsideMemberSchema,
			async (member) => {
				await addOutsideMember(getDb(), locals.actor, idParam(params.id), member);
				return 'Membre ajouté.';
			},
			{
				form: 'addOutside',
				keepValues: true,
				alsoCheck: (values): Record<string, string> =>
					hasContact(values as Record<string, string>) ? {} : { email: MEMBER_CONTACT_MESSAGE }
			}
		),
	membership: ({ request, locals, params }) =>
		handleForm(
			request,
			membershipSchema.and(membershipIdSchema),
			async ({ membershipId, ...membership }) => {
				await updateMembership(getDb(), locals.actor, idParam(params.id), membershipId, membership);
				return 'Rôle et mandat enregistrés.';
			},
			{ form: 'membership', keepValues: true }
		),
	end: ({ request, locals, params }) =>
		handleForm(
			request,
			membershipIdSchema,
			async ({ membershipId }) => {
				await endMembership(getDb(), locals.actor, idParam(params.id), membershipId);
				return 'La personne ne fait plus partie du groupe ; son passage reste dans l’historique.';
			},
			{ form: 'end' }
		),
	account: ({ request, locals }) =>
		handleForm(
			request,
			personSchema,
			async ({ personId }) => {
				const outcome = await openMemberAccount(locals.ctx, locals.actor, personId);
				return outcome === 'invited'
					? 'Compte créé : la personne a reçu un e-mail pour choisir son mot de passe.'
					: 'Cette adresse avait déjà un compte : il est maintenant relié à la personne.';
			},
			{ form: 'account' }
		)
};
