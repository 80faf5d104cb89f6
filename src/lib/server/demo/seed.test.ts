import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { findUserRowByEmail } from '../users/queries';
import { actorOf, userFromRow } from '../users/user';
import { mySpace } from '../groups/member-space';
import { listGroups } from '../groups/manage';
import { seedDemoData } from './seed';
import { contributionsForPilote } from '../contributions/inbox';

describe('demonstration data', () => {
	it('seeds groups whose demo member sees their meetings, and seeding twice changes nothing', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		await seedDemoData(db);
		await seedDemoData(db);
		const actor = async (email: string) =>
			actorOf(userFromRow((await findUserRowByEmail(db, email))!));
		const groups = await listGroups(db, await actor('agent@concerto.test'));
		expect(groups.map((g) => [g.kind, g.members])).toEqual([
			['comite-local', 4],
			['cvs-parents', expect.any(Number)],
			['cvs-parents', expect.any(Number)],
			['cvs-parents', expect.any(Number)],
			['groupe-ressource', 10]
		]);
		const space = await mySpace(db, await actor('membre@concerto.test'));
		expect(space.groups.map((g) => g.kind).sort()).toEqual(['cvs-parents', 'groupe-ressource']);
		const ressource = space.groups.find((g) => g.kind === 'groupe-ressource')!;
		expect(ressource.upcoming).toHaveLength(1);
		expect(ressource.documents).toHaveLength(2);
		expect(Object.fromEntries(ressource.bodies.map((b) => [b.name, b.attendees.length]))).toEqual({
			'Équipe pluridisciplinaire RSA': 2,
			'Groupes de travail du PDALHPD': 1
		});
		expect(ressource.history.some((h) => /compte rendu publié/.test(h.text))).toBe(true);
		const pilote = await contributionsForPilote(db, await actor('pilote@concerto.test'));
		expect(pilote.some((c) => c.links.some((l) => l.ref === 'AUT-28' && !l.decision))).toBe(true);
		const decided = await db
			.selectFrom('contribution_link')
			.select('id')
			.where('decision', 'is not', null)
			.execute();
		expect(decided.length).toBeGreaterThanOrEqual(5);
	}, 60_000);
});
