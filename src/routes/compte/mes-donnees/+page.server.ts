import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { orHttpError } from '$lib/server/http';
import { ownData } from '$lib/server/privacy/rights';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = requireUser(locals, url);
	return { ...(await orHttpError(ownData(getDb(), actor))) };
};
