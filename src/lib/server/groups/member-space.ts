// « Mes groupes »: a signed-in member sees each group they belong to, its
// coming meetings (and says whether they come), its documents, who sits
// in which body, and what happened so far.
import type { RegistrationStatus } from '$lib/event-vocabulary';
import type { Context } from '../context';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb } from '../db/codecs';
import type { Actor } from '../auth/permissions';
import { authorize } from '../auth/policy';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { getEventById } from '../events/queries';
import {
	cancelInTransaction,
	lockEventPlaces,
	holdsPlace,
	neededChange,
	placeRegistration,
	reopenRegistration
} from '../events/registration';
import type { GroupRole } from '$lib/panel-vocabulary';
import type { GroupDocument, GroupMeeting } from './model';
import { groupBodies, groupDocuments, groupMeetings, groupMembers } from './queries';
import { byFrench } from '../db/database';
import { compareFrench } from '$lib/french';

export type MeetingAnswer = 'inscrit' | 'attente' | 'annule' | 'present' | 'absent' | null;

export interface MyGroup {
	id: number;
	slug: string;
	name: string;
	kind: string;
	territoryName: string | null;
	description: string;
	myRole: GroupRole;
	myMandateEnd: string | null;
	members: { name: string; role: GroupRole; isMe: boolean }[];
	bodies: { name: string; description: string; attendees: string[] }[];
	upcoming: (GroupMeeting & {
		myAnswer: MeetingAnswer;
		myNeeds: string[];
		myNeedsDetail: string;
	})[];
	documents: GroupDocument[];
	history: { date: string; text: string; link: string | null }[];
}

export interface MySpace {
	groups: MyGroup[];
	/** Other events the member registered for (public workshops...). */
	registrations: { title: string; slug: string; startsAt: string; status: RegistrationStatus }[];
}

/** First name and initial: members know each other, the page need not say more. */
function shortName(first: string, last: string): string {
	return [first, last ? `${last[0]}.` : ''].filter(Boolean).join(' ') || 'Ancien membre';
}

async function linkedPeople(db: Executor, userId: number) {
	return db
		.selectFrom('person')
		.select(['id', 'first_name', 'last_name', 'email', 'needs'])
		.where('user_id', '=', userId)
		.where('status', '!=', 'parti')
		.execute();
}

async function answersOf(db: Executor, userId: number, emails: string[], eventIds: number[]) {
	type Answer = { status: MeetingAnswer; needs: string[]; needsDetail: string };
	if (!eventIds.length) return new Map<number, Answer>();
	const rows = await db
		.selectFrom('registration')
		.select(['event_id', 'status', 'needs', 'needs_detail'])
		.where('event_id', 'in', eventIds)
		.where((eb) =>
			emails.length
				? eb.or([eb('user_id', '=', userId), eb('email', 'in', emails)])
				: eb('user_id', '=', userId)
		)
		.orderBy('updated_at')
		.execute();
	return new Map(
		rows.map((r): [number, Answer] => [
			r.event_id,
			{
				status: r.status as MeetingAnswer,
				needs: fromDbJson<string[]>(r.needs, []),
				needsDetail: r.needs_detail
			}
		])
	);
}

export async function mySpace(db: Db, actor: Actor | null): Promise<MySpace> {
	if (!actor) throw new ForbiddenError();
	const people = await linkedPeople(db, actor.id);
	const personIds = people.map((p) => p.id);
	const panelNeeds = [...new Set(people.flatMap((p) => fromDbJson<string[]>(p.needs, [])))];
	const emails = people.map((p) => p.email).filter((e): e is string => Boolean(e));
	const memberships = personIds.length
		? await db
				.selectFrom('group_membership')
				.innerJoin('participation_group as g', 'g.id', 'group_membership.group_id')
				.leftJoin('territory', 'territory.id', 'g.territory_id')
				.select([
					'g.id',
					'g.slug',
					'g.name',
					'g.kind',
					'g.description',
					'territory.name as territory_name',
					'group_membership.role',
					'group_membership.mandate_end',
					'group_membership.person_id'
				])
				.where('group_membership.person_id', 'in', personIds)
				.where('group_membership.left_at', 'is', null)
				.where('g.archived_at', 'is', null)
				.orderBy(byFrench('g.name'))
				.execute()
		: [];
	const now = nowForDb();
	const groups: MyGroup[] = [];
	for (const m of memberships) {
		const [members, bodies, documents, meetings] = await Promise.all([
			groupMembers(db, m.id),
			groupBodies(db, m.id),
			groupDocuments(db, m.id),
			groupMeetings(db, m.id)
		]);
		const published = meetings.filter((e) => e.status !== 'brouillon');
		const upcoming = published.filter((e) => e.endsAt > now).reverse();
		const answers = await answersOf(
			db,
			actor.id,
			emails,
			upcoming.map((e) => e.id)
		);
		const nameOf = new Map(
			members.map((x) => {
				const [first, ...rest] = x.name.split(' ');
				return [x.personId, shortName(first, rest.join(' '))];
			})
		);
		const current = members.filter((x) => !x.leftAt);
		groups.push({
			id: m.id,
			slug: m.slug,
			name: m.name,
			kind: m.kind,
			territoryName: m.territory_name,
			description: m.description,
			myRole: m.role,
			myMandateEnd: m.mandate_end,
			members: current.map((x) => ({
				name: nameOf.get(x.personId)!,
				role: x.role,
				isMe: personIds.includes(x.personId)
			})),
			bodies: bodies.map((b) => ({
				name: b.name,
				description: b.description,
				attendees: b.seats.map((id) => nameOf.get(id) ?? '—')
			})),
			upcoming: upcoming.map((e) => ({
				...e,
				myAnswer: answers.get(e.id)?.status ?? null,
				// Before she answers, the needs she gave the panel are proposed.
				myNeeds: answers.get(e.id)?.needs ?? panelNeeds,
				myNeedsDetail: answers.get(e.id)?.needsDetail ?? ''
			})),
			documents,
			history: [
				...published
					.filter((e) => e.endsAt <= now)
					.map((e) => ({
						date: e.startsAt,
						text:
							e.status === 'annule'
								? `${e.title} (annulée)`
								: `${e.title}${e.minutesPublished ? ' : compte rendu publié' : ''}`,
						link: e.status === 'annule' ? null : `/agenda/${e.slug}`
					})),
				...documents.map((d) => ({
					date: d.createdAt,
					text: `Document partagé : ${d.title}`,
					link: null
				})),
				...members.map((x) => ({
					date: x.joinedAt,
					text: `${nameOf.get(x.personId)} rejoint le groupe`,
					link: null
				})),
				...members
					.filter((x) => x.leftAt)
					.map((x) => ({
						date: x.leftAt!,
						text: `${nameOf.get(x.personId)} quitte le groupe`,
						link: null
					}))
			]
				.sort((a, b) => compareFrench(b.date, a.date))
				.slice(0, 30)
		});
	}
	const groupEventIds = groups.flatMap((g) => g.upcoming.map((e) => e.id));
	const registrations = await db
		.selectFrom('registration')
		.innerJoin('event', 'event.id', 'registration.event_id')
		.select(['event.title', 'event.slug', 'event.starts_at', 'registration.status'])
		.where((eb) =>
			emails.length
				? eb.or([eb('registration.user_id', '=', actor.id), eb('registration.email', 'in', emails)])
				: eb('registration.user_id', '=', actor.id)
		)
		.where('registration.status', 'in', ['inscrit', 'attente'])
		.where('event.ends_at', '>', now)
		.where('event.status', '=', 'publie')
		.$if(groupEventIds.length > 0, (q) => q.where('event.id', 'not in', groupEventIds))
		.orderBy('event.starts_at')
		.execute();
	return {
		groups,
		registrations: registrations.map((r) => ({
			title: r.title,
			slug: r.slug,
			startsAt: r.starts_at,
			status: r.status
		}))
	};
}

/** A member says whether they will come to a meeting of their group. */
export async function answerMeeting(
	ctx: Context,
	actor: Actor | null,
	eventId: number,
	coming: boolean,
	/** What she needs to come (childcare for a parents' council); her panel needs by default. */
	needs?: { codes: string[]; detail: string }
): Promise<'inscrit' | 'attente' | 'annule'> {
	const { db, mailer, origin } = ctx;
	if (!actor) throw new ForbiddenError();
	const event = await getEventById(db, eventId).catch(() => null);
	if (!event || event.status === 'brouillon') throw new NotFoundError('Réunion introuvable.');
	await authorize(db, actor, 'meeting.answer', { eventId });
	const member = await db
		.selectFrom('group_membership')
		.innerJoin('person', 'person.id', 'group_membership.person_id')
		.innerJoin('event', 'event.group_id', 'group_membership.group_id')
		.select(['person.first_name', 'person.last_name', 'person.email', 'person.needs'])
		.where('event.id', '=', eventId)
		.where('group_membership.left_at', 'is', null)
		.where('person.user_id', '=', actor.id)
		.where('person.status', '!=', 'parti')
		.executeTakeFirstOrThrow();
	if (event.status === 'annule') throw new InvalidInputError('Cette réunion est annulée.');
	if (event.endsAt < new Date()) throw new InvalidInputError('Cette réunion est passée.');
	const { status, mails } = await db.transaction().execute(async (tx) => {
		// Before reading her answer: two answers sent at once are taken one after the other.
		await lockEventPlaces(tx, eventId);
		const existing = await tx
			.selectFrom('registration')
			.select(['id', 'status'])
			.where('event_id', '=', eventId)
			.where('user_id', '=', actor.id)
			.orderBy('id', 'desc')
			.executeTakeFirst();
		// Her place or waiting rank, when she holds one.
		const held = existing && holdsPlace(existing.status) ? existing.status : null;
		if (!coming) {
			const cancelled =
				existing && held
					? await cancelInTransaction(tx, existing.id, eventId, origin)
					: { mails: [] };
			return { status: 'annule' as const, mails: cancelled.mails };
		}
		const change = needs ? { needs: needs.codes, needsDetail: needs.detail } : {};
		if (existing && held) {
			if (needs)
				await tx
					.updateTable('registration')
					.set({ ...neededChange(change), updated_at: nowForDb() })
					.where('id', '=', existing.id)
					.execute();
			return { status: held, mails: [] };
		}
		if (existing)
			return { status: await reopenRegistration(tx, event, existing.id, change), mails: [] };
		const placed = await placeRegistration(tx, event, {
			name: `${member.first_name} ${member.last_name}`.trim(),
			email: member.email,
			needs: needs?.codes ?? fromDbJson<string[]>(member.needs, []),
			needsDetail: needs?.detail ?? '',
			userId: actor.id
		});
		return { status: placed.status, mails: [] };
	});
	for (const mail of mails) await mailer.send(db, mail);
	return status;
}

/** Whether the menu shows « Mes groupes » to this signed-in person. */
export async function userHasGroups(db: Executor, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('group_membership')
		.innerJoin('person', 'person.id', 'group_membership.person_id')
		.innerJoin('participation_group', 'participation_group.id', 'group_membership.group_id')
		.select('group_membership.id')
		.where('person.user_id', '=', userId)
		.where('group_membership.left_at', 'is', null)
		.where('participation_group.archived_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}
