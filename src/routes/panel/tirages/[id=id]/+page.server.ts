import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { getPublicDraw } from '$lib/server/panel/public-draws';

export const load: PageServerLoad = async ({ params }) => ({
	draw: await orHttpError(getPublicDraw(getDb(), idParam(params.id)))
});
