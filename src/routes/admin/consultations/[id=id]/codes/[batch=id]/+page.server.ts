import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { codesOfBatch } from '$lib/server/consultations/invitations';
import { consultationHeader } from '$lib/server/web/consultation-pages';
import { idParam } from '$lib/server/web/params';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'consultations.manage');
	const db = getDb();
	const id = idParam(params.id);
	const consultation = await consultationHeader(db, locals.actor, id);
	return {
		consultation,
		batch: Number(params.batch),
		codes: await codesOfBatch(db, actor, id, idParam(params.batch)),
		link: `${locals.ctx.origin}/consultations/${consultation.slug}`
	};
};
