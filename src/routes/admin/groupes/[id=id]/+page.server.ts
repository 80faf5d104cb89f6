import { fail } from '@sveltejs/kit';
import { idField } from '$lib/server/web/form-values';
import { queryInt } from '$lib/server/web/query-params';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { attemptAction, orHttpError } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/plain-form';
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
import { groupFormOptions, textFields } from '$lib/server/groups/admin-page';

const GROUP_FIELDS = ['name', 'slug', 'kind', 'territoryId', 'description'] as const;
const MEMBERSHIP_FIELDS = ['role', 'mandateStart', 'mandateEnd'] as const;
const OUTSIDE_FIELDS = [
	'firstName',
	'lastName',
	'email',
	'phone',
	'postalAddress',
	...MEMBERSHIP_FIELDS
] as const;

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
	update: async ({ request, locals, params }) => {
		const values = textFields(await request.formData(), GROUP_FIELDS);
		const parsed = readForm(groupSchema, values);
		if (!parsed.ok) return fail(400, { form: 'update', values, errors: parsed.errors });
		return attemptAction(
			'update',
			async () => {
				await updateGroup(getDb(), locals.actor, idParam(params.id), parsed.data);
				return 'Groupe enregistré.';
			},
			{ values }
		);
	},
	archive: async ({ request, locals, params }) => {
		const archived = (await request.formData()).get('archived') === '1';
		return attemptAction('archive', async () => {
			await setGroupArchived(getDb(), locals.actor, idParam(params.id), archived);
			return archived ? 'Groupe archivé.' : 'Groupe rouvert.';
		});
	},
	addPanel: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = textFields(data, MEMBERSHIP_FIELDS);
		const parsed = readForm(membershipSchema, values);
		if (!parsed.ok) return fail(400, { form: 'addPanel', values, errors: parsed.errors });
		return attemptAction('addPanel', async () => {
			await addPanelMember(
				getDb(),
				locals.actor,
				idParam(params.id),
				idField(data, 'personId'),
				parsed.data
			);
			return 'Membre ajouté.';
		});
	},
	addOutside: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = textFields(data, OUTSIDE_FIELDS);
		const parsed = readForm(
			outsideMemberSchema,
			{ ...values, consent: data.get('consent') === 'on' },
			(): Record<string, string> => (hasContact(values) ? {} : { email: MEMBER_CONTACT_MESSAGE })
		);
		if (!parsed.ok) return fail(400, { form: 'addOutside', values, errors: parsed.errors });
		return attemptAction(
			'addOutside',
			async () => {
				await addOutsideMember(getDb(), locals.actor, idParam(params.id), parsed.data);
				return 'Membre ajouté.';
			},
			{ values }
		);
	},
	membership: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = textFields(data, MEMBERSHIP_FIELDS);
		const parsed = readForm(membershipSchema, values);
		if (!parsed.ok) return fail(400, { form: 'membership', values, errors: parsed.errors });
		return attemptAction(
			'membership',
			async () => {
				await updateMembership(
					getDb(),
					locals.actor,
					idParam(params.id),
					idField(data, 'membershipId'),
					parsed.data
				);
				return 'Rôle et mandat enregistrés.';
			},
			{ values }
		);
	},
	end: async ({ request, locals, params }) => {
		const data = await request.formData();
		return attemptAction('end', async () => {
			await endMembership(getDb(), locals.actor, idParam(params.id), idField(data, 'membershipId'));
			return 'La personne ne fait plus partie du groupe ; son passage reste dans l’historique.';
		});
	},
	account: async ({ request, locals }) => {
		const data = await request.formData();
		return attemptAction('account', async () => {
			const outcome = await openMemberAccount(locals.ctx, locals.actor, idField(data, 'personId'));
			return outcome === 'invited'
				? 'Compte créé : la personne a reçu un e-mail pour choisir son mot de passe.'
				: 'Cette adresse avait déjà un compte : il est maintenant relié à la personne.';
		});
	}
};
