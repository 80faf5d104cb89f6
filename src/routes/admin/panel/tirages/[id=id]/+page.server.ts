import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields, readPosted, refusal } from '$lib/server/web/forms';
import { idParam } from '$lib/server/web/params';
import {
	DrawError,
	drawPanel,
	drawReplacements,
	getDraw,
	recordDrawAnswer
} from '$lib/server/panel/draws';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	const draw = await orHttpError(getDraw(getDb(), locals.actor, idParam(params.id)));
	return { draw: { ...draw, panels: draw.panels.slice(0, 10) } };
};

const ticketSchema = z.object({
	ticket: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || /^\d{1,6}$/.test(v), 'Écrivez le numéro tiré, par exemple 417.')
});
const answerSchema = z.object({
	answer: z.enum(['accepte', 'decline'], { error: 'Réponse inconnue.' }),
	pseudonym: z.string().default('')
});

export const actions: Actions = {
	draw: ({ request, locals, params }) =>
		handleForm(
			request,
			ticketSchema,
			async ({ ticket }) => {
				const drawn = await drawPanel(
					getDb(),
					locals.actor,
					idParam(params.id),
					ticket ? Number(ticket) : null
				);
				return `Panel n° ${drawn} tiré.`;
			},
			{ firstError: true, answer: (values) => ({ ticket: String(values.ticket ?? '').trim() }) }
		),
	answer: ({ request, locals, params }) =>
		handleForm(
			request,
			answerSchema,
			async ({ answer, pseudonym }) => {
				await recordDrawAnswer(getDb(), locals.actor, idParam(params.id), pseudonym, answer);
				return 'Réponse enregistrée.';
			},
			{ firstError: true }
		),
	replace: async ({ request, locals, params }) => {
		const posted = await readPosted(request, noFields);
		if (!posted.ok) return posted.failure;
		let id: number;
		try {
			id = await drawReplacements(getDb(), locals.actor, idParam(params.id));
		} catch (caught) {
			if (caught instanceof DrawError)
				return refusal(caught, {
					conflicts: caught.conflicts,
					hint: 'Les remplaçants doivent respecter les quotas restants : élargissez-les en préparant un nouveau tirage.'
				});
			return refusal(caught);
		}
		redirect(303, `/admin/panel/tirages/${id}`);
	}
};
