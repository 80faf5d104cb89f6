// The consultation named in the address of a back-office page, or a 404.
import type { Executor } from '../db/database';
import { orHttpError } from './http';
import { getConsultationById } from '../consultations/queries';

export async function consultationHeader(db: Executor, id: number) {
	const c = await orHttpError(getConsultationById(db, id));
	return { id: c.id, slug: c.slug, title: c.title, status: c.status, access: c.access };
}
