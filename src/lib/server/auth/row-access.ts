// The access queries behind the rules on rows (policy.ts): does this user own
// this fiche, may they answer this link, are they a current member of the
// group that holds this meeting. Nothing else in the server asks these
// questions; services go through authorize() and the scopes.
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database';
import type { Database } from '../db/schema';

export async function ownsFiche(db: Executor, userId: number, ficheId: number): Promise<boolean> {
	const row = await db
		.selectFrom('fiche')
		.select('id')
		.where('id', '=', ficheId)
		.where('owner_user_id', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The links of a contribution that go to fiches this user owns. */
export async function linksOnOwnedFiches(
	db: Executor,
	userId: number,
	contributionId: number
): Promise<number[]> {
	const rows = await db
		.selectFrom('contribution_link')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.select('contribution_link.id')
		.where('contribution_link.contribution_id', '=', contributionId)
		.where('fiche.owner_user_id', '=', userId)
		.orderBy('contribution_link.id')
		.execute();
	return rows.map((row) => row.id);
}

export async function linkOnOwnedFiche(
	db: Executor,
	userId: number,
	linkId: number
): Promise<boolean> {
	const row = await db
		.selectFrom('contribution_link')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.select('contribution_link.id')
		.where('contribution_link.id', '=', linkId)
		.where('fiche.owner_user_id', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Whether the event is a group's meeting, and whether this user is one of its current members. */
export async function meetingMembership(
	db: Executor,
	userId: number | null,
	eventId: number
): Promise<{ groupMeeting: boolean; member: boolean }> {
	const event = await db
		.selectFrom('event')
		.select('group_id')
		.where('id', '=', eventId)
		.executeTakeFirst();
	if (!event || event.group_id === null) return { groupMeeting: false, member: false };
	if (userId === null) return { groupMeeting: true, member: false };
	const row = await db
		.selectFrom('group_membership')
		.innerJoin('person', 'person.id', 'group_membership.person_id')
		.select('group_membership.id')
		.where('group_membership.group_id', '=', event.group_id)
		.where('group_membership.left_at', 'is', null)
		.where('person.user_id', '=', userId)
		.where('person.status', '!=', 'parti')
		.executeTakeFirst();
	return { groupMeeting: true, member: row !== undefined };
}

/** A condition on a query over `fiche`: the fiches this user owns. */
export function ficheOwnedBy(userId: number): Expression<SqlBool> {
	return expressionBuilder<Database, 'fiche'>()('fiche.owner_user_id', '=', userId);
}

/** A condition on a contribution (its id column named): linked to a fiche this user owns. */
export function contributionOnOwnedFiche(
	userId: number,
	contributionIdColumn: string
): Expression<SqlBool> {
	const eb = expressionBuilder<Database, never>();
	return eb.exists(
		eb
			.selectFrom('contribution_link')
			.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
			.select('contribution_link.id')
			.where('contribution_link.contribution_id', '=', sql.ref<number>(contributionIdColumn))
			.where('fiche.owner_user_id', '=', userId)
	);
}
