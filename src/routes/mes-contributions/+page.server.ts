import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/web/guards';
import { myContributions } from '$lib/server/contributions/traceability';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = requireUser(locals, url);
	return { contributions: await myContributions(getDb(), actor) };
};
