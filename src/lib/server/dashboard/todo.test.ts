import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationStatus } from '$lib/event-vocabulary';
import type { Db } from '../db/database';
import { createTestUser } from '../testing';
import { createDemoTestDatabase } from '../demo/testing';
import { nowForDb, toDbDate } from '../db/codecs';
import { foldForSearch } from '../text';
import { findUserRowByEmail } from '../users/queries';
import { actorOf, userFromRow } from '../users/user';
import { decide, linkToFiche } from '../contributions/links';
import { createMailer } from '../mail/mailer';
import { dashboardFor, type TodoSection } from './todo';

let db: Db;
beforeAll(async () => {
	db = await createDemoTestDatabase();
});

const item = (sections: TodoSection[], key: string) => {
	const found = sections.flatMap((s) => s.items).find((i) => i.key === key);
	if (!found) throw new Error(`no item ${key}`);
	return found;
};

async function demoActor(role: string) {
	return actorOf(userFromRow((await findUserRowByEmail(db, `${role}@concerto.test`))!));
}

describe('dashboards', () => {
	it('opens each role on its own to-do list', async () => {
		const titles = async (role: string) =>
			(await dashboardFor(db, await demoActor(role))).map((s) => s.title);
		expect(await titles('agent')).toEqual(['Participation']);
		expect(await titles('pilote')).toEqual(['Vos fiches-actions']);
		expect(await titles('admin')).toEqual(['Participation', 'Administration']);
	});

	it('counts new contributions and the needs to arrange for coming events', async () => {
		const agent = await demoActor('agent');
		const before = await dashboardFor(db, agent);
		await db
			.insertInto('contribution')
			.values({
				source: 'consultation',
				text: 'Un minibus pour les aidants',
				search_text: foldForSearch('Un minibus pour les aidants'),
				created_at: nowForDb()
			})
			.execute();
		const { id: eventId } = await db
			.insertInto('event')
			.values({
				slug: 'atelier-tableau-de-bord',
				kind: 'atelier',
				title: 'Atelier du tableau de bord',
				description: '',
				starts_at: toDbDate(new Date(Date.now() + 3 * 86_400_000)),
				ends_at: toDbDate(new Date(Date.now() + 3 * 86_400_000 + 7_200_000)),
				audience: 'tous',
				accessibility: '[]',
				support: '[]',
				status: 'publie',
				access_directions: '',
				created_at: nowForDb(),
				updated_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const registration = (status: RegistrationStatus, needs: string[]) => ({
			event_id: eventId,
			status,
			name: 'Awa Diallo',
			needs: JSON.stringify(needs),
			needs_detail: '',
			created_at: nowForDb(),
			updated_at: nowForDb()
		});
		const { id: withNeeds } = await db
			.insertInto('registration')
			.values(registration('inscrit', ['transport']))
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.insertInto('registration').values(registration('attente', [])).execute();
		const after = await dashboardFor(db, agent);
		expect(item(after, 'contributions-nouvelles').count).toBe(
			item(before, 'contributions-nouvelles').count + 1
		);
		expect(item(after, 'besoins').count).toBe(item(before, 'besoins').count + 1);
		expect(item(after, 'attente').count).toBe(item(before, 'attente').count + 1);
		const needs = item(after, 'besoins');
		expect([needs.href, ...(needs.links ?? []).map((l) => l.href)]).toContain(
			`/admin/evenements/${eventId}/inscriptions`
		);

		await db
			.updateTable('registration')
			.set({ needs_arranged_at: nowForDb(), needs_arranged_by: 'Agent' })
			.where('id', '=', withNeeds)
			.execute();
		expect(item(await dashboardFor(db, agent), 'besoins').count).toBe(
			item(before, 'besoins').count
		);
	});

	it('gives a pilote the decisions waiting on their fiches, and only theirs', async () => {
		const pilote = await demoActor('pilote');
		const agent = await demoActor('agent');
		const own = await db
			.selectFrom('fiche')
			.select(['id', 'ref'])
			.where('owner_user_id', '=', pilote.id)
			.executeTakeFirstOrThrow();
		const other = await db
			.selectFrom('fiche')
			.select('id')
			.where((eb) => eb.or([eb('owner_user_id', 'is', null), eb('owner_user_id', '!=', pilote.id)]))
			.executeTakeFirstOrThrow();
		const before = item(await dashboardFor(db, pilote), 'decisions').count;
		const { id: contributionId } = await db
			.insertInto('contribution')
			.values({
				source: 'consultation',
				text: 'Des heures de répit',
				search_text: 'des heures de repit',
				created_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const linkId = await linkToFiche(db, agent, contributionId, own.id);
		await linkToFiche(db, agent, contributionId, other.id);
		const waiting = item(await dashboardFor(db, pilote), 'decisions');
		expect(waiting.count).toBe(before + 1);
		expect(waiting.links?.map((l) => l.href)).toContain(`/admin/fiches/${own.ref}`);
		await decide(db, pilote, linkId, {
			decision: 'prise_en_compte',
			explanation: 'Des heures de répit seront proposées en 2027.'
		});
		expect(item(await dashboardFor(db, pilote), 'decisions').count).toBe(before);
	});

	it('warns administrators of e-mails that did not leave', async () => {
		const admin = await demoActor('admin');
		const before = item(await dashboardFor(db, admin), 'courriels-echoues');
		const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'concerto@exemple.fr' });
		await mailer.send(db, {
			to: 'awa@exemple.fr',
			subject: 'Essai',
			text: 'Bonjour.',
			purpose: 'test'
		});
		const after = item(await dashboardFor(db, admin), 'courriels-echoues');
		expect(after.count).toBe(before.count + 1);
		expect(after.urgent).toBe(true);
		expect(after.href).toBe('/admin/courriels?statut=echec');
	});

	it('is not for residents', async () => {
		const resident = (await createTestUser(db, 'habitant')).actor;
		expect(await dashboardFor(db, resident)).toEqual([]);
	});
});
