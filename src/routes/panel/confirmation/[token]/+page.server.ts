import type { Actions } from './$types';
import { getDb } from '$lib/server/runtime';
import { failPlain } from '$lib/server/web/http';
import { confirmPanelEmail } from '$lib/server/panel/signup';

// Confirming takes a click: mail scanners that open links must not confirm for people.
export const actions: Actions = {
	default: async ({ params }) => {
		try {
			return { confirmed: (await confirmPanelEmail(getDb(), params.token)).firstName };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
