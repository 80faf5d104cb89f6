import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getIdentity } from '$lib/server/settings/identity';

export const load: PageServerLoad = async () => ({ identity: await getIdentity(getDb()) });
