import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import {
	DrawError,
	drawPanel,
	drawReplacements,
	getDraw,
	recordDrawAnswer
} from '$lib/server/panel/draws';
import { InvalidInputError } from '$lib/server/errors';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	const draw = await orHttpError(getDraw(getDb(), locals.actor, idParam(params.id)));
	return { draw: { ...draw, panels: draw.panels.slice(0, 10) } };
};

export const actions: Actions = {
	draw: async ({ request, locals, params }) => {
		const data = await request.formData();
		const text = String(data.get('ticket') ?? '').trim();
		try {
			if (text && !/^\d{1,6}$/.test(text))
				throw new InvalidInputError('Écrivez le numéro tiré, par exemple 417.', 'ticket');
			const ticket = await drawPanel(
				getDb(),
				locals.actor,
				idParam(params.id),
				text ? Number(text) : null
			);
			return { done: `Panel n° ${ticket} tiré.` };
		} catch (caught) {
			return failPlain(caught, { ticket: text });
		}
	},
	answer: async ({ request, locals, params }) => {
		const data = await request.formData();
		const answer = String(data.get('answer'));
		try {
			if (answer !== 'accepte' && answer !== 'decline')
				throw new InvalidInputError('Réponse inconnue.');
			await recordDrawAnswer(
				getDb(),
				locals.actor,
				idParam(params.id),
				String(data.get('pseudonym')),
				answer
			);
			return { done: 'Réponse enregistrée.' };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	replace: async ({ locals, params }) => {
		let id: number;
		try {
			id = await drawReplacements(getDb(), locals.actor, idParam(params.id));
		} catch (caught) {
			if (caught instanceof DrawError)
				return failPlain(caught, {
					conflicts: caught.conflicts,
					hint: 'Les remplaçants doivent respecter les quotas restants : élargissez-les en préparant un nouveau tirage.'
				});
			return failPlain(caught);
		}
		redirect(303, `/admin/panel/tirages/${id}`);
	}
};
