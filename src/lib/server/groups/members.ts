// Who is in a group: people of the panel or not, their role and mandate,
// and the day they leave (their seats in the bodies go with them).
import type { Db, Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { generateReadableCode } from '../consultations/codes';
import { householdKey } from '../panel/household';
import { panelQuery } from '../panel/registry';
import type { MembershipInput, OutsideMemberInput } from './schemas';
import { byFrench } from '../db/database';

/** The consent text recorded for members who are not in the panel. */
export const GROUP_CONSENT = {
	version: 'groupe-2026-11',
	text: 'J’accepte que le Département garde mon nom et mes coordonnées pour organiser les réunions de ce groupe. Je peux quitter le groupe à tout moment : mes informations sont alors effacées.'
};

export const MEMBER_SEARCH_LIMIT = 20;

async function assertGroupOpen(db: Executor, groupId: number) {
	const group = await db
		.selectFrom('participation_group')
		.select(['archived_at'])
		.where('id', '=', groupId)
		.executeTakeFirst();
	if (!group) throw new NotFoundError('Groupe introuvable.');
	if (group.archived_at) throw new InvalidInputError('Ce groupe est archivé : rouvrez-le d’abord.');
}

/** People of the panel matching a search, who are not already members. */
export async function searchPanelForGroup(
	db: Db,
	actor: Actor | null,
	groupId: number,
	q: string
): Promise<{ id: number; name: string; communeName: string | null; pseudonym: string }[]> {
	assertCan(actor, 'groups.manage');
	if (!q.trim()) return [];
	const rows = await panelQuery(db, { q })
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('group_membership')
						.select('group_membership.id')
						.whereRef('group_membership.person_id', '=', 'person.id')
						.where('group_membership.group_id', '=', groupId)
						.where('group_membership.left_at', 'is', null)
				)
			)
		)
		.select([
			'person.id',
			'person.first_name',
			'person.last_name',
			'person.pseudonym',
			'commune.name as commune_name'
		])
		.orderBy(byFrench('person.last_name'))
		.limit(MEMBER_SEARCH_LIMIT)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: `${r.first_name} ${r.last_name}`,
		communeName: r.commune_name,
		pseudonym: r.pseudonym
	}));
}

async function insertMembership(
	tx: Executor,
	actor: Actor,
	groupId: number,
	personId: number,
	input: MembershipInput
): Promise<number> {
	const current = await tx
		.selectFrom('group_membership')
		.select('id')
		.where('group_id', '=', groupId)
		.where('person_id', '=', personId)
		.where('left_at', 'is', null)
		.executeTakeFirst();
	if (current) throw new ConflictError('Cette personne fait déjà partie du groupe.');
	const { id } = await tx
		.insertInto('group_membership')
		.values({
			group_id: groupId,
			person_id: personId,
			role: input.role,
			mandate_start: input.mandateStart || null,
			mandate_end: input.mandateEnd || null,
			joined_at: nowForDb()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(tx, {
		actor,
		action: 'group.member.add',
		entityType: 'group',
		entityId: groupId,
		after: { personId, ...input }
	});
	return id;
}

export async function addPanelMember(
	db: Db,
	actor: Actor | null,
	groupId: number,
	personId: number,
	input: MembershipInput
): Promise<number> {
	assertCan(actor, 'groups.manage');
	await assertGroupOpen(db, groupId);
	const person = await db
		.selectFrom('person')
		.select(['status'])
		.where('id', '=', personId)
		.executeTakeFirst();
	if (!person) throw new NotFoundError('Personne introuvable.');
	if (person.status === 'parti')
		throw new InvalidInputError(
			'Cette personne a quitté le panel : elle ne peut pas être ajoutée.'
		);
	return db.transaction().execute((tx) => insertMembership(tx, actor, groupId, personId, input));
}

/** A partner or a professional joins the group without joining the panel. */
export async function addOutsideMember(
	db: Db,
	actor: Actor | null,
	groupId: number,
	input: OutsideMemberInput
): Promise<number> {
	assertCan(actor, 'groups.manage');
	await assertGroupOpen(db, groupId);
	return db.transaction().execute(async (tx) => {
		const now = nowForDb();
		const { id: personId } = await tx
			.insertInto('person')
			.values({
				pseudonym: `P-${generateReadableCode(6)}`,
				first_name: input.firstName,
				last_name: input.lastName,
				email: input.email || null,
				phone: input.phone || null,
				postal_address: input.postalAddress || null,
				household_key: householdKey([input.postalAddress]),
				in_panel: 0,
				status: 'actif',
				source: 'groupe',
				entered_by: actor.id,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('consent')
			.values({
				person_id: personId,
				purpose: 'groupe',
				text_version: GROUP_CONSENT.version,
				collected_by: actor.displayName,
				given_at: now
			})
			.execute();
		await insertMembership(tx, actor, groupId, personId, input);
		return personId;
	});
}

async function membershipOf(db: Executor, groupId: number, membershipId: number) {
	const row = await db
		.selectFrom('group_membership')
		.selectAll()
		.where('id', '=', membershipId)
		.where('group_id', '=', groupId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Ce membre n’est pas dans ce groupe.');
	return row;
}

export async function updateMembership(
	db: Db,
	actor: Actor | null,
	groupId: number,
	membershipId: number,
	input: MembershipInput
): Promise<void> {
	assertCan(actor, 'groups.manage');
	const before = await membershipOf(db, groupId, membershipId);
	if (before.left_at) throw new InvalidInputError('Ce membre a quitté le groupe.');
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('group_membership')
			.set({
				role: input.role,
				mandate_start: input.mandateStart || null,
				mandate_end: input.mandateEnd || null
			})
			.where('id', '=', membershipId)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'group.member.update',
			entityType: 'group',
			entityId: groupId,
			before: {
				personId: before.person_id,
				role: before.role,
				mandateStart: before.mandate_start,
				mandateEnd: before.mandate_end
			},
			after: { personId: before.person_id, ...input }
		});
	});
}

/** The person leaves the group; the membership stays as history. */
export async function endMembership(
	db: Db,
	actor: Actor | null,
	groupId: number,
	membershipId: number
): Promise<void> {
	assertCan(actor, 'groups.manage');
	const membership = await membershipOf(db, groupId, membershipId);
	if (membership.left_at) return;
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('group_membership')
			.set({ left_at: nowForDb() })
			.where('id', '=', membershipId)
			.execute();
		await tx
			.deleteFrom('group_body_seat')
			.where('person_id', '=', membership.person_id)
			.where('body_id', 'in', (eb) =>
				eb.selectFrom('group_body').select('id').where('group_id', '=', groupId)
			)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'group.member.end',
			entityType: 'group',
			entityId: groupId,
			after: { personId: membership.person_id }
		});
	});
}
