import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listPublicConsultations } from '$lib/server/consultations/public';

export const load: PageServerLoad = async () => {
	const consultations = await listPublicConsultations(getDb());
	const card = (c: (typeof consultations)[number]) => ({
		slug: c.slug,
		title: c.title,
		falcSummary: c.falcSummary,
		opensAt: c.opensAt,
		closesAt: c.closesAt,
		status: c.status
	});
	return {
		open: consultations.filter((c) => c.status === 'ouverte').map(card),
		upcoming: consultations.filter((c) => c.status === 'planifiee').map(card),
		withResults: consultations.filter((c) => c.status === 'resultats_publies').map(card)
	};
};
