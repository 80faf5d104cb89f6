import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain } from '$lib/server/web/http';
import { NotFoundError } from '$lib/server/errors';
import { readForm } from '$lib/server/web/forms';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { personFormValues, selfCorrectionSchema } from '$lib/server/panel/schemas';
import {
	correctOwnRegistration,
	leavePanel,
	ownRegistration,
	renewOwnMandate,
	withdrawSituation
} from '$lib/server/panel/signup';

export const load: PageServerLoad = async ({ params }) => {
	const communes = (await listCommuneChoices(getDb())).map((c) => ({ code: c.code, name: c.name }));
	try {
		return { person: await ownRegistration(getDb(), params.token), communes };
	} catch (caught) {
		if (caught instanceof NotFoundError) return { person: null, communes };
		throw caught;
	}
};

export const actions: Actions = {
	leave: async ({ params }) => {
		if (!params.token) error(404);
		try {
			await leavePanel(getDb(), params.token);
			return { left: true };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	withdrawSituation: async ({ params }) => {
		try {
			await withdrawSituation(getDb(), params.token);
			return { done: 'Votre situation est effacée.' };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	correct: async ({ params, request }) => {
		const values = personFormValues(await request.formData());
		const parsed = readForm(selfCorrectionSchema, values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			await correctOwnRegistration(getDb(), params.token, parsed.data);
		} catch (caught) {
			return failPlain(caught, { values, errors: {} as Record<string, string> });
		}
		return { done: 'C’est corrigé. Merci !' };
	},
	renew: async ({ params }) => {
		try {
			const end = await renewOwnMandate(getDb(), params.token);
			return {
				done: `Merci ! Votre participation est prolongée jusqu’au ${end.split('-').reverse().join('/')}.`
			};
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
