import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { consultationFormOf, consultationSchema } from '$lib/server/consultations/schemas';
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
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields } from '$lib/server/web/forms';
import { CONSULTATION_STATUS_LABELS } from '$lib/consultation-vocabulary';

const LIFECYCLE = [
	'publish',
	'unpublish',
	'close',
	'reopen',
	'publish-results',
	'unpublish-results'
] as const satisfies readonly LifecycleAction[];
const lifecycleSchema = z.object({ do: z.enum(LIFECYCLE, { error: 'Action inconnue.' }) });

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
		values: consultationFormOf(settings.command)
	};
};

export const actions: Actions = {
	settings: ({ request, locals, params }) =>
		handleForm(
			request,
			consultationSchema,
			async (settings) => {
				await updateConsultation(getDb(), locals.actor, idParam(params.id), settings);
				return 'Les réglages sont enregistrés.';
			},
			{ form: 'settings' }
		),
	lifecycle: ({ request, locals, params }) =>
		handleForm(
			request,
			lifecycleSchema,
			async ({ do: action }) => {
				const status = await changeLifecycle(getDb(), locals.actor, idParam(params.id), action);
				return `Statut de la consultation : ${CONSULTATION_STATUS_LABELS[status]}.`;
			},
			{ firstError: true }
		),
	duplicate: ({ request, locals, params }) =>
		handleForm(request, noFields, async () => {
			const copy = await duplicateConsultation(getDb(), locals.actor, idParam(params.id));
			redirect(303, `/admin/consultations/${copy}`);
		})
};
