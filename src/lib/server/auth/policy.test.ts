import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { loadTerritoriesAxesAndComponents } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { ForbiddenError, NotFoundError } from '../errors';
import { allowed, answerableLinks, authorize, ficheScope, ROW_RULES } from './policy';
import { ROUTE_ACCESS } from './access';

async function setUp() {
	const db = await createTestDatabase();
	await loadTerritoriesAxesAndComponents(db);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	const agent = (await createTestUser(db, 'agent')).actor;
	const pilote = (await createTestUser(db, 'pilote')).actor;
	const otherPilote = (await createTestUser(db, 'pilote')).actor;
	const habitant = (await createTestUser(db, 'habitant')).actor;
	const fiche = (ref: string) =>
		db.selectFrom('fiche').select('id').where('ref', '=', ref).executeTakeFirstOrThrow();
	const own = await fiche('HAB-04');
	const other = await fiche('ALL-02');
	await db
		.updateTable('fiche')
		.set({ owner_user_id: pilote.id })
		.where('id', '=', own.id)
		.execute();
	const { id: contributionId } = await db
		.insertInto('contribution')
		.values({ text: 'Un bus le samedi', source: 'fiche', created_at: '2026-01-01T00:00:00.000Z' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const link = async (ficheId: number) =>
		(
			await db
				.insertInto('contribution_link')
				.values({
					contribution_id: contributionId,
					fiche_id: ficheId,
					linked_at: '2026-01-01T00:00:00.000Z'
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const ownLink = await link(own.id);
	const otherLink = await link(other.id);
	return {
		db,
		agent,
		pilote,
		otherPilote,
		habitant,
		own,
		other,
		contributionId,
		ownLink,
		otherLink
	};
}

describe('the rules on rows', () => {
	it('lets a pilote act on their own fiches and links, officers on every row', async () => {
		const s = await setUp();
		await expect(authorize(s.db, s.pilote, 'fiche.edit', { ficheId: s.own.id })).resolves.toBe(
			s.pilote
		);
		await expect(authorize(s.db, s.pilote, 'fiche.edit', { ficheId: s.other.id })).rejects.toThrow(
			ForbiddenError
		);
		await expect(authorize(s.db, s.agent, 'fiche.edit', { ficheId: s.other.id })).resolves.toBe(
			s.agent
		);
		await expect(authorize(s.db, s.habitant, 'review.fill', { ficheId: s.own.id })).rejects.toThrow(
			ForbiddenError
		);
		await expect(
			authorize(s.db, s.pilote, 'contribution.answer', { linkId: s.otherLink })
		).rejects.toThrow(ForbiddenError);
		expect(await allowed(s.db, s.pilote, 'contribution.answer', { linkId: s.ownLink })).toBe(true);
		expect(
			await answerableLinks(s.db, s.pilote, s.contributionId, [s.ownLink, s.otherLink])
		).toEqual([s.ownLink]);
		expect(
			await answerableLinks(s.db, s.agent, s.contributionId, [s.ownLink, s.otherLink])
		).toEqual([s.ownLink, s.otherLink]);
	});

	it('hides from a pilote the contributions that are not on their fiches', async () => {
		const s = await setUp();
		await expect(
			authorize(s.db, s.otherPilote, 'contribution.read', { contributionId: s.contributionId })
		).rejects.toThrow(NotFoundError);
		await expect(
			authorize(s.db, s.pilote, 'contribution.read', { contributionId: s.contributionId })
		).resolves.toBe(s.pilote);
		const visible = await s.db
			.selectFrom('fiche')
			.select('ref')
			.where(ficheScope(s.pilote, 'fiche.edit'))
			.execute();
		expect(visible.map((f) => f.ref)).toEqual(['HAB-04']);
		const all = await s.db
			.selectFrom('fiche')
			.select('ref')
			.where(ficheScope(s.agent, 'fiche.edit'))
			.execute();
		expect(all.length).toBeGreaterThan(100);
	});

	it('is the rule the access table names on its routes', () => {
		const named = Object.values(ROUTE_ACCESS).flatMap((access) => access.rows ?? []);
		for (const rule of named) expect(Object.keys(ROW_RULES)).toContain(rule);
	});
});
