// Choices the event forms offer: kinds, sites, communes, consultations, groups.
import type { Executor } from '../db/database';
import { listEventKinds } from './queries';
import { byFrench } from '../db/database';

export async function eventFormOptions(db: Executor) {
	const [kinds, sites, communes, consultations, groups] = await Promise.all([
		listEventKinds(db),
		db
			.selectFrom('site')
			.select(['id', 'name'])
			.where('active', '=', 1)
			.orderBy(byFrench('name'))
			.execute(),
		db.selectFrom('commune').select(['insee_code', 'name']).orderBy(byFrench('name')).execute(),
		db.selectFrom('consultation').select(['id', 'title']).orderBy('opens_at', 'desc').execute(),
		db
			.selectFrom('participation_group')
			.select(['id', 'name'])
			.where('archived_at', 'is', null)
			.orderBy(byFrench('name'))
			.execute()
	]);
	return {
		kinds: kinds.map((k) => ({ value: k.code, label: k.label })),
		sites: sites.map((s) => ({ value: String(s.id), label: s.name })),
		communes: communes.map((c) => ({ value: c.insee_code, label: c.name })),
		consultations: consultations.map((c) => ({ value: String(c.id), label: c.title })),
		groups: groups.map((g) => ({ value: String(g.id), label: g.name }))
	};
}
