// The choices and posted values of the retour form.
import { assertCan, type Actor } from '../auth/permissions';
import type { Executor } from '../db/database';

export async function retourFormOptions(db: Executor, actor: Actor | null) {
	assertCan(actor, 'retours.manage');
	const [consultations, events] = await Promise.all([
		db.selectFrom('consultation').select(['id', 'title']).orderBy('opens_at', 'desc').execute(),
		db
			.selectFrom('event')
			.select(['id', 'title', 'starts_at'])
			.where('status', '!=', 'brouillon')
			.where('audience', '!=', 'groupe')
			.orderBy('starts_at', 'desc')
			.limit(200)
			.execute()
	]);
	return {
		consultations: consultations.map((c) => ({ value: String(c.id), label: c.title })),
		events: events.map((e) => ({
			value: String(e.id),
			label: `${e.title} (${e.starts_at.slice(0, 10).split('-').reverse().join('/')})`
		}))
	};
}
