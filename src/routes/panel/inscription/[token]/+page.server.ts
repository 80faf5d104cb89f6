import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain } from '$lib/server/http';
import { NotFoundError } from '$lib/server/errors';
import {
	leavePanel,
	ownRegistration,
	renewOwnMandate,
	withdrawSituation
} from '$lib/server/panel/signup';

export const load: PageServerLoad = async ({ params }) => {
	try {
		return { person: await ownRegistration(getDb(), params.token) };
	} catch (caught) {
		if (caught instanceof NotFoundError) return { person: null };
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
