import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { consultationSchema, readConsultationForm } from '$lib/server/consultations/schemas';
import {
	changeLifecycle,
	duplicateConsultation,
	getConsultationSettings,
	updateConsultation,
	type LifecycleAction
} from '$lib/server/consultations/builder';
import { countSubmittedResponses } from '$lib/server/consultations/queries';
import { axisOptions } from '$lib/server/consultations/admin-page';
import { idParam } from '$lib/server/web/params';
import { failForm, failPlain, orHttpError } from '$lib/server/web/http';
import { CONSULTATION_STATUS_LABELS } from '$lib/consultation-vocabulary';

const adapter = zod4(consultationSchema);
const LIFECYCLE: LifecycleAction[] = [
	'publish',
	'unpublish',
	'close',
	'reopen',
	'publish-results',
	'unpublish-results'
];

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'consultations.results');
	const db = getDb();
	const id = idParam(params.id);
	const settings = await orHttpError(getConsultationSettings(db, actor, id));
	const c = settings.consultation;
	return {
		consultation: {
			id,
			slug: c.slug,
			title: c.title,
			status: c.status,
			statusLabel: CONSULTATION_STATUS_LABELS[c.status],
			access: c.access,
			opensAt: c.opensAt,
			closesAt: c.closesAt
		},
		responses: await countSubmittedResponses(db, actor, id),
		locked: settings.locked,
		canManage: can(actor, 'consultations.manage'),
		canEnter: can(actor, 'consultations.enter'),
		axes: await axisOptions(db, locals.actor),
		form: await superValidate(settings.form, adapter, { id: 'settings', errors: false })
	};
};

export const actions: Actions = {
	settings: async ({ request, locals, params }) => {
		const form = await superValidate(request, adapter, { id: 'settings' });
		if (!form.valid) return fail(400, { form });
		try {
			await updateConsultation(
				getDb(),
				locals.actor,
				idParam(params.id),
				readConsultationForm(form.data)
			);
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, { type: 'success', text: 'Les réglages sont enregistrés.' });
	},
	lifecycle: async ({ request, locals, params }) => {
		const action = String((await request.formData()).get('do') ?? '') as LifecycleAction;
		if (!LIFECYCLE.includes(action)) return fail(400, { error: 'Action inconnue.' });
		try {
			const status = await changeLifecycle(getDb(), locals.actor, idParam(params.id), action);
			return { done: `Statut de la consultation : ${CONSULTATION_STATUS_LABELS[status]}.` };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	duplicate: async ({ locals, params }) => {
		let copy: number;
		try {
			copy = await duplicateConsultation(getDb(), locals.actor, idParam(params.id));
		} catch (caught) {
			return failPlain(caught);
		}
		redirect(303, `/admin/consultations/${copy}`);
	}
};
