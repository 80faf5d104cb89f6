import type { Actions } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain } from '$lib/server/web/http';
import { unsubscribeContact } from '$lib/server/contributions/digests';

// Opening the link changes nothing (mail scanners open links); the button does.
export const actions: Actions = {
	default: async ({ params }) => {
		try {
			await unsubscribeContact(getDb(), params.token);
			return { done: true };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
