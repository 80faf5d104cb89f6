// What the back-office consultation pages read: each checks who asks.
import { assertCan, type Actor, type Permission } from '../auth/permissions';
import { getConsultationById, hasAnyResponse } from './queries';
import type { Consultation } from './model';
import type { Executor } from '../db/database';

/** The axes a consultation can be filed under, for those who see its pages. */
export async function axisOptions(db: Executor, actor: Actor | null) {
	assertCan(actor, 'consultations.results');
	const axes = await db.selectFrom('axis').select(['code', 'name']).orderBy('position').execute();
	return axes.map((a) => ({ value: a.code, label: a.name }));
}

/** The consultation an officer's page is about, for those holding `permission`. */
export async function consultationForOffice(
	db: Executor,
	actor: Actor | null,
	id: number,
	permission: Permission = 'consultations.manage'
): Promise<Consultation> {
	assertCan(actor, permission);
	return getConsultationById(db, id);
}

/** Whether answers have started: the questionnaire is then locked to its editors. */
export async function responsesStarted(
	db: Executor,
	actor: Actor | null,
	consultationId: number
): Promise<boolean> {
	assertCan(actor, 'consultations.manage');
	return hasAnyResponse(db, consultationId);
}
