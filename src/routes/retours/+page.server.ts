import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublishedRetours } from '$lib/server/retours/manage';

export const load: PageServerLoad = async () => ({ retours: await listPublishedRetours(getDb()) });
