import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { getPublicEvent } from '$lib/server/events/public';
import { eventIcs } from '$lib/server/events/ical';

export const GET: RequestHandler = async ({ params, locals }) => {
	const event = await orHttpError(getPublicEvent(getDb(), params.slug, locals.actor));
	return new Response(eventIcs(event, locals.ctx.origin), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="${event.slug}.ics"`
		}
	});
};
