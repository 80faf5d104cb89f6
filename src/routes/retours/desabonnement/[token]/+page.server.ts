import type { Actions } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain } from '$lib/server/web/http';
import { unsubscribeFromRetours } from '$lib/server/retours/delivery';

// Opening the link changes nothing (mail scanners open links); the button does.
export const actions: Actions = {
	default: async ({ params }) => {
		try {
			await unsubscribeFromRetours(getDb(), params.token);
			return { done: true };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
