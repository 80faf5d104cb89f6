// Helpers shared by the back-office consultation pages.
import type { Executor } from '../db/database';
import type { Actor } from '../auth/permissions';
import { orHttpError } from './http';
import { getConsultationById } from '../consultations/queries';

export async function consultationHeader(db: Executor, id: number) {
	const c = await orHttpError(getConsultationById(db, id));
	return { id: c.id, slug: c.slug, title: c.title, status: c.status, access: c.access };
}

export async function axisOptions(db: Executor) {
	const axes = await db.selectFrom('axis').select(['code', 'name']).orderBy('position').execute();
	return axes.map((a) => ({ value: a.code, label: a.name }));
}

export type { Actor };
