import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../context';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer, type Mailer } from '../mail/mailer';
import type { Db } from '../db/database';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { changeFicheStatus } from '../fiches/editing';
import { decide } from './links';
import { leaveMessageOnFiche } from './traceability';
import { sendContributionDigests, unsubscribeContact } from './digests';

const ORIGIN = 'https://participation.exemple.fr';

/** The digests as the job would send them `ms` from now. */
const digestsIn = (db: Db, mailer: Mailer, ms: number) =>
	sendContributionDigests(
		createTestContext(db, { mailer, origin: ORIGIN, clock: fixedClock(new Date(Date.now() + ms)) })
	);
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('digests', () => {
	it('tells each consenting person once, with every decision and status change since the last time', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
		const agent = (await createTestUser(db, 'agent')).actor;
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		const options = { clientAddress: '198.51.100.20', perHour: 100 };
		const message = (text: string, email: string, contactConsent: boolean) =>
			leaveMessageOnFiche(
				{ db, submissionsPerHour: options.perHour },
				null,
				'NUM-05',
				{ text, name: '', email, contactConsent },
				options.clientAddress
			);
		const first = await message(
			'Mettre la carte des permanences en ligne.',
			'lea@exemple.fr',
			true
		);
		await message('Un moteur de recherche qui comprend les fautes.', 'lea@exemple.fr', true);
		await message('Je ne veux pas de nouvelles, merci.', 'muet@exemple.fr', false);

		expect(await digestsIn(db, mailer, 0)).toBe(0);
		const links = await db
			.selectFrom('contribution_link')
			.innerJoin('contribution', 'contribution.id', 'contribution_link.contribution_id')
			.select(['contribution_link.id', 'contribution.contact_email'])
			.orderBy('contribution_link.id')
			.execute();
		for (const link of links)
			await decide(db, agent, link.id, {
				decision: 'prise_en_compte',
				explanation: 'Ce sera sur le nouveau site, au printemps.'
			});
		await changeFicheStatus(db, agent, 'NUM-05', {
			status: 'en_cours',
			comment: 'Le chantier commence.'
		});

		expect(await digestsIn(db, mailer, 0)).toBe(1);
		const mail = await smtp.waitForMail('lea@exemple.fr', 10_000, /devenues vos idées/);
		expect(mail.text).toContain(
			'« Mettre la carte des permanences en ligne. » (NUM-05) : Prise en compte.'
		);
		expect(mail.text).toContain('« Un moteur de recherche qui comprend les fautes. » (NUM-05)');
		expect(mail.text).toContain(
			'L’action NUM-05 (Refondre le site internet du département) est maintenant : en cours.'
		);
		expect(mail.text).toContain(`${ORIGIN}/suivi?code=${first.receiptCode}`);
		expect(smtp.received.filter((m) => m.to === 'muet@exemple.fr')).toEqual([]);

		// Nothing new, or too soon: no second message.
		expect(await digestsIn(db, mailer, 0)).toBe(0);
		await changeFicheStatus(db, agent, 'NUM-05', {
			status: 'realisee',
			comment: 'Le site est en ligne.'
		});
		expect(await digestsIn(db, mailer, 3600_000)).toBe(0);
		expect(await digestsIn(db, mailer, 25 * 3600_000)).toBe(1);

		const token = mail.text.match(/\/suivi\/desabonnement\/(\w+)/)![1];
		await expect(unsubscribeContact(db, token)).rejects.toThrow(/plus valable/);
		const latest = smtp.received.filter((m) => m.to === 'lea@exemple.fr').at(-1)!;
		expect(latest.text).toContain('est maintenant : réalisée.');
		await unsubscribeContact(db, latest.text.match(/\/suivi\/desabonnement\/(\w+)/)![1]);
		const subscription = await db
			.selectFrom('contact_subscription')
			.select('unsubscribed_at')
			.where('email', '=', 'lea@exemple.fr')
			.executeTakeFirstOrThrow();
		expect(subscription.unsubscribed_at).not.toBeNull();
		expect(await digestsIn(db, mailer, 60 * 3600_000)).toBe(0);
	});
});
