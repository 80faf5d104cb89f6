import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { listEvents } from '$lib/server/events/queries';
import { agendaIcs } from '$lib/server/events/ical';

export const GET: RequestHandler = async ({ locals }) => {
	const events = await listEvents(getDb(), { upcoming: true, publicOnly: true });
	return new Response(agendaIcs(events, locals.ctx.origin), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="agenda-concerto.ics"',
			'Cache-Control': 'public, max-age=600'
		}
	});
};
