import type { Actions } from './$types';
import { getDb } from '$lib/server/runtime';
import { handleForm, noFields } from '$lib/server/web/forms';
import { unsubscribeContact } from '$lib/server/contributions/digests';

// Opening the link changes nothing (mail scanners open links); the button does.
export const actions: Actions = {
	default: ({ params, request }) =>
		handleForm(request, noFields, async () => {
			await unsubscribeContact(getDb(), params.token);
			return { done: true };
		})
};
