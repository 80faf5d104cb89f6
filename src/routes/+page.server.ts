import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublicConsultations } from '$lib/server/consultations/public';
import { listEvents } from '$lib/server/events/queries';

const SHOWN = 3;

export const load: PageServerLoad = async () => {
	const db = getDb();
	const consultations = await listPublicConsultations(db);
	const events = await listEvents(db, { publicOnly: true, upcoming: true });
	return {
		openConsultations: consultations
			.filter((c) => c.status === 'ouverte')
			.slice(0, SHOWN)
			.map((c) => ({ slug: c.slug, title: c.title, closesAt: c.closesAt })),
		nextEvents: events
			.filter((e) => e.status !== 'annule')
			.slice(0, SHOWN)
			.map((e) => ({
				slug: e.slug,
				title: e.title,
				kindLabel: e.kindLabel,
				startsAt: e.startsAt,
				place: e.place
			}))
	};
};
