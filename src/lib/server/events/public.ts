// What the public sees of events: never a draft.
import type { Executor } from '../db/database';
import type { Actor } from '../auth/permissions';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import type { ConcertoEvent } from './model';
import { findEventBySlug } from './queries';

/**
 * An event's public page. A group's meeting is shown only to that group's
 * current members and to staff; to anyone else it does not exist.
 */
export async function getPublicEvent(
	db: Executor,
	slug: string,
	actor: Actor | null
): Promise<ConcertoEvent> {
	const event = await findEventBySlug(db, slug);
	if (!event || event.status === 'brouillon')
		throw new NotFoundError('Cet événement est introuvable.');
	await authorize(db, actor, 'meeting.read', { eventId: event.id });
	return event;
}

/** Plain data for pages: dates as they are, the rest as strings. */
export function eventCard(event: ConcertoEvent) {
	return {
		slug: event.slug,
		title: event.title,
		kindLabel: event.kindLabel,
		startsAt: event.startsAt,
		endsAt: event.endsAt,
		place: event.place,
		status: event.status,
		capacity: event.capacity,
		registered: event.registered,
		waiting: event.waiting,
		audience: event.audience
	};
}
