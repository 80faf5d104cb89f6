import { formatParisMonth } from '$lib/paris-time';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listEventKinds, listEvents } from '$lib/server/events/queries';
import { eventCard } from '$lib/server/events/public';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const [kinds, territories] = await Promise.all([
		listEventKinds(db),
		db.selectFrom('territory').select(['code', 'name']).orderBy('position').execute()
	]);
	const pick = (name: string, values: string[]) => {
		const value = url.searchParams.get(name) ?? '';
		return values.includes(value) ? value : '';
	};
	const month = /^\d{4}-\d{2}$/.test(url.searchParams.get('mois') ?? '')
		? url.searchParams.get('mois')!
		: '';
	const filters = {
		territoire: pick(
			'territoire',
			territories.map((t) => t.code)
		),
		type: pick(
			'type',
			kinds.map((k) => k.code)
		),
		mois: month
	};
	const events = await listEvents(db, {
		publicOnly: true,
		upcoming: true,
		territory: filters.territoire || undefined,
		kind: filters.type || undefined,
		month: filters.mois || undefined
	});
	const past = (await listEvents(db, { publicOnly: true }))
		.filter((e) => e.endsAt < new Date())
		.slice(0, 12);
	const months = Array.from({ length: 12 }, (_, i) => {
		const d = new Date();
		d.setUTCDate(1);
		d.setUTCMonth(d.getUTCMonth() + i);
		const value = d.toISOString().slice(0, 7);
		const label = formatParisMonth(new Date(`${value}-15T12:00:00Z`));
		return { value, label };
	});
	return {
		events: events.map(eventCard),
		past: past.map(eventCard),
		filters,
		options: {
			territoire: territories.map((t) => ({ value: t.code, label: t.name })),
			type: kinds.map((k) => ({ value: k.code, label: k.label })),
			mois: months
		}
	};
};
