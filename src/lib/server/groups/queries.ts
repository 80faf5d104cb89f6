// Reading groups: shared by the officers' pages and the members' space.
import { fromDbBool } from '../db/codecs';
import type { Executor } from '../db/database';
import { NotFoundError } from '../errors';
import type { GroupBody, GroupDetail, GroupDocument, GroupMeeting, GroupMember } from './model';
import { byFrench } from '../db/database';

export async function assertGroupExists(db: Executor, groupId: number): Promise<void> {
	const group = await db
		.selectFrom('participation_group')
		.select('id')
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group) throw new NotFoundError('Groupe introuvable.');
}

export async function groupMembers(db: Executor, groupId: number): Promise<GroupMember[]> {
	const rows = await db
		.selectFrom('group_membership')
		.innerJoin('person', 'person.id', 'group_membership.person_id')
		.select([
			'group_membership.id',
			'group_membership.person_id',
			'group_membership.role',
			'group_membership.mandate_start',
			'group_membership.mandate_end',
			'group_membership.joined_at',
			'group_membership.left_at',
			'person.first_name',
			'person.last_name',
			'person.pseudonym',
			'person.in_panel',
			'person.email',
			'person.user_id'
		])
		.where('group_membership.group_id', '=', groupId)
		.orderBy('group_membership.left_at')
		.orderBy(byFrench('person.last_name'))
		.orderBy(byFrench('person.first_name'))
		.execute();
	return rows.map((r) => ({
		membershipId: r.id,
		personId: r.person_id,
		name: `${r.first_name} ${r.last_name}`.trim() || `Personne partie (${r.pseudonym})`,
		inPanel: fromDbBool(r.in_panel),
		role: r.role,
		mandateStart: r.mandate_start,
		mandateEnd: r.mandate_end,
		joinedAt: r.joined_at,
		leftAt: r.left_at,
		email: r.email,
		hasAccount: r.user_id !== null
	}));
}

export async function groupBodies(db: Executor, groupId: number): Promise<GroupBody[]> {
	const [bodies, seats] = await Promise.all([
		db
			.selectFrom('group_body')
			.selectAll()
			.where('group_id', '=', groupId)
			.orderBy(byFrench('name'))
			.execute(),
		db
			.selectFrom('group_body_seat')
			.innerJoin('group_body', 'group_body.id', 'group_body_seat.body_id')
			.select(['group_body_seat.body_id', 'group_body_seat.person_id'])
			.where('group_body.group_id', '=', groupId)
			.execute()
	]);
	return bodies.map((b) => ({
		id: b.id,
		name: b.name,
		description: b.description,
		seats: seats.filter((s) => s.body_id === b.id).map((s) => s.person_id)
	}));
}

export async function groupDocuments(db: Executor, groupId: number): Promise<GroupDocument[]> {
	const rows = await db
		.selectFrom('group_document')
		.select(['id', 'title', 'body', 'url', 'created_at'])
		.where('group_id', '=', groupId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((d) => ({
		id: d.id,
		title: d.title,
		body: d.body,
		url: d.url,
		createdAt: d.created_at
	}));
}

export async function groupMeetings(db: Executor, groupId: number): Promise<GroupMeeting[]> {
	const rows = await db
		.selectFrom('event')
		.leftJoin('site', 'site.id', 'event.site_id')
		.leftJoin('commune', 'commune.insee_code', 'event.commune_insee_code')
		.select([
			'commune.name as commune_name',
			'event.id',
			'event.slug',
			'event.title',
			'event.kind',
			'event.starts_at',
			'event.ends_at',
			'event.status',
			'event.place_name',
			'event.minutes_published_at',
			'site.name as site_name'
		])
		.where('event.group_id', '=', groupId)
		.orderBy('event.starts_at', 'desc')
		.execute();
	return rows.map((e) => ({
		id: e.id,
		slug: e.slug,
		title: e.title,
		kind: e.kind,
		startsAt: e.starts_at,
		endsAt: e.ends_at,
		status: e.status,
		// « Maison des solidarités » alone does not say which one: the commune goes with it.
		place: e.site_name ?? ([e.place_name, e.commune_name].filter(Boolean).join(', ') || null),
		minutesPublished: e.minutes_published_at !== null
	}));
}

export async function readGroup(db: Executor, id: number): Promise<GroupDetail> {
	const group = await db
		.selectFrom('participation_group')
		.leftJoin('territory', 'territory.id', 'participation_group.territory_id')
		.selectAll('participation_group')
		.select('territory.name as territory_name')
		.where('participation_group.id', '=', id)
		.executeTakeFirst();
	if (!group) throw new NotFoundError('Groupe introuvable.');
	const [members, bodies, documents, meetings] = await Promise.all([
		groupMembers(db, id),
		groupBodies(db, id),
		groupDocuments(db, id),
		groupMeetings(db, id)
	]);
	return {
		id: group.id,
		slug: group.slug,
		name: group.name,
		kind: group.kind,
		territoryId: group.territory_id,
		territoryName: group.territory_name,
		description: group.description,
		createdAt: group.created_at,
		archivedAt: group.archived_at,
		members,
		bodies,
		documents,
		meetings
	};
}
