import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { privacyNotice } from '$lib/server/privacy/register';

export const load: PageServerLoad = async () => ({ notice: await privacyNotice(getDb()) });
