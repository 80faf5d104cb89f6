import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { ownData } from '$lib/server/privacy/rights';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = requireUser(locals, url);
	return { ...(await orHttpError(ownData(getDb(), actor))) };
};
