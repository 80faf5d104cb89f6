import type { Actions } from './$types';
import { getDb } from '$lib/server/runtime';
import { handleForm, noFields } from '$lib/server/web/forms';
import { confirmPanelEmail } from '$lib/server/panel/signup';

// Confirming takes a click: mail scanners that open links must not confirm for people.
export const actions: Actions = {
	default: ({ params, request }) =>
		handleForm(request, noFields, async () => ({
			confirmed: (await confirmPanelEmail(getDb(), params.token)).firstName
		}))
};
