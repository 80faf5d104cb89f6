import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublicDraws } from '$lib/server/panel/public-draws';
import { listPublicCampaigns } from '$lib/server/panel/lottery/public-campaigns';

export const load: PageServerLoad = async () => ({
	draws: await listPublicDraws(getDb()),
	campaigns: await listPublicCampaigns(getDb())
});
