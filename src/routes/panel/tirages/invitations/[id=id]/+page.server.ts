import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { readPublicCampaign } from '$lib/server/panel/lottery/public-campaigns';

export const load: PageServerLoad = async ({ params }) => ({
	campaign: await orHttpError(readPublicCampaign(getDb(), idParam(params.id)))
});
