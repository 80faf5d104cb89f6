// What the public sees of events: never a draft.
import type { Executor } from '../db/database';
import { can, type Actor } from '../auth/permissions';
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
	const { group_id: groupId } = await db
		.selectFrom('event')
		.select('group_id')
		.where('id', '=', event.id)
		.executeTakeFirstOrThrow();
	if (
		groupId !== null &&
		!can(actor, 'events.manage') &&
		!(await isCurrentMember(db, actor, groupId))
	)
		throw new NotFoundError('Cet événement est introuvable.');
	return event;
}

async function isCurrentMember(db: Executor, actor: Actor | null, groupId: number) {
	if (!actor) return false;
	const row = await db
		.selectFrom('group_membership')
		.innerJoin('person', 'person.id', 'group_membership.person_id')
		.select('group_membership.id')
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.left_at', 'is', null)
		.where('person.user_id', '=', actor.id)
		.where('person.status', '!=', 'parti')
		.executeTakeFirst();
	return row !== undefined;
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
