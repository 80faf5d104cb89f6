// What the public sees of consultations: never a draft.
import type { Executor } from '../db/database';
import { NotFoundError } from '../errors';
import { consultationFromRow, type Consultation } from './model';
import { findConsultationBySlug } from './queries';

export async function listPublicConsultations(db: Executor): Promise<Consultation[]> {
	const rows = await db
		.selectFrom('consultation')
		.selectAll()
		.where('published_at', 'is not', null)
		.orderBy('closes_at', 'desc')
		.execute();
	return rows.map((row) => consultationFromRow(row));
}

export async function getPublicConsultation(db: Executor, slug: string): Promise<Consultation> {
	const consultation = await findConsultationBySlug(db, slug);
	if (!consultation || consultation.status === 'brouillon')
		throw new NotFoundError('Cette consultation est introuvable.');
	return consultation;
}

/** The fiches-actions a consultation feeds, for its public page. */
export async function linkedFiches(
	db: Executor,
	consultationId: number
): Promise<{ ref: string; title: string }[]> {
	return db
		.selectFrom('consultation_fiche')
		.innerJoin('fiche', 'fiche.id', 'consultation_fiche.fiche_id')
		.select(['fiche.ref', 'fiche.title'])
		.where('consultation_fiche.consultation_id', '=', consultationId)
		.orderBy('fiche.ref')
		.execute();
}

/** Published consultations that feed a fiche-action, for its public page. */
export async function consultationsForFiche(
	db: Executor,
	ref: string
): Promise<{ slug: string; title: string; status: Consultation['status']; closesAt: Date }[]> {
	const rows = await db
		.selectFrom('consultation')
		.innerJoin('consultation_fiche', 'consultation_fiche.consultation_id', 'consultation.id')
		.innerJoin('fiche', 'fiche.id', 'consultation_fiche.fiche_id')
		.selectAll('consultation')
		.where('fiche.ref', '=', ref)
		.where('consultation.published_at', 'is not', null)
		.orderBy('consultation.closes_at', 'desc')
		.execute();
	return rows.map((row) => {
		const c = consultationFromRow(row);
		return { slug: c.slug, title: c.title, status: c.status, closesAt: c.closesAt };
	});
}
