import type { RequestHandler } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { csvDateTime, writeCsv } from '$lib/server/csv';
import { requirePermission } from '$lib/server/web/guards';
import { listRegistrations } from '$lib/server/events/manage';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { NEEDS, REGISTRATION_STATUS_LABELS } from '$lib/event-vocabulary';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const { rows } = await listRegistrations(db, actor, id);
	const csv = writeCsv(
		[
			['nom', 'statut', 'email', 'telephone', 'adresse', ...NEEDS.map((n) => `besoin_${n.code}`), 'precisions', 'inscription (heure de Paris)'],
			...rows.map((r) => [
				r.name,
				REGISTRATION_STATUS_LABELS[r.status] ?? r.status,
				r.email ?? '',
				r.phone ?? '',
				r.postalAddress ?? '',
				...NEEDS.map((n) => (r.needs.includes(n.code) ? 1 : 0)),
				r.needsDetail,
				csvDateTime(new Date(r.createdAt))
			])
		]
	);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="inscriptions-${event.slug}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
