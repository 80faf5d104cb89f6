import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublicDraws } from '$lib/server/panel/public-draws';

export const load: PageServerLoad = async () => ({ draws: await listPublicDraws(getDb()) });
