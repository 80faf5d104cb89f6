import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { handleForm, noFields } from '$lib/server/web/forms';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { selfCorrectionSchema } from '$lib/server/panel/schemas';
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
	leave: ({ params, request }) =>
		handleForm(request, noFields, async () => {
			await leavePanel(getDb(), params.token);
			return { left: true };
		}),
	withdrawSituation: ({ params, request }) =>
		handleForm(request, noFields, async () => {
			await withdrawSituation(getDb(), params.token);
			return 'Votre situation est effacée.';
		}),
	correct: ({ params, request }) =>
		handleForm(request, selfCorrectionSchema, async (correction) => {
			await correctOwnRegistration(getDb(), params.token, correction);
			return 'C’est corrigé. Merci !';
		}),
	renew: ({ params, request }) =>
		handleForm(request, noFields, async () => {
			const end = await renewOwnMandate(getDb(), params.token);
			return `Merci ! Votre participation est prolongée jusqu’au ${end.split('-').reverse().join('/')}.`;
		})
};
