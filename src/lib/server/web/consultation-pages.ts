// The consultation named in the address of a back-office page, or a 404.
import type { Executor } from '../db/database';
import type { Actor, Permission } from '../auth/permissions';
import { orHttpError } from './http';
import { consultationForOffice } from '../consultations/admin-page';

export async function consultationHeader(
	db: Executor,
	actor: Actor | null,
	id: number,
	permission: Permission = 'consultations.manage'
) {
	const c = await orHttpError(consultationForOffice(db, actor, id, permission));
	return { id: c.id, slug: c.slug, title: c.title, status: c.status, access: c.access };
}
