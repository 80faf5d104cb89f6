import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createTestDatabase, createTestUser } from '../testing';
import { createMailer } from './mailer';
import { listOutbox } from './outbox';
import { consultationInvitationMail, passwordResetMail } from './templates';

let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('e-mails as people read them', () => {
	it('greet through one function, by name whenever the name is known', () => {
		const source = readFileSync('src/lib/server/mail/templates.ts', 'utf8');
		const greetings = source.match(/Bonjour/g) ?? [];
		// The comment's example and the two forms of greeting(): nowhere else.
		expect(greetings).toHaveLength(4);
		expect(passwordResetMail('a@exemple.fr', 'http://x', 'Awa Diallo').text).toMatch(
			/^Bonjour Awa Diallo,\n\n/
		);
		expect(passwordResetMail('a@exemple.fr', 'http://x').text).toMatch(/^Bonjour,\n\n/);
	});

	it('name the organisation from the settings, and stay readable in the outbox once sent', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		expect(
			await mailer.send(
				db,
				consultationInvitationMail(
					'invite@exemple.fr',
					'Mon avis citoyen',
					'http://x/c',
					'ABCD',
					'31 décembre'
				)
			)
		).toBe('envoye');
		const received = await smtp.waitForMail('invite@exemple.fr');
		expect(received.text).toContain('« Mon avis citoyen » (Département de Loir-et-Cher)');
		expect(received.text).not.toContain('{{');
		const { messages } = await listOutbox(db, admin);
		expect(messages[0]).toMatchObject({ status: 'envoye', to: 'invite@exemple.fr' });
		expect(messages[0].text?.trim()).toBe(received.text.trim());
		await mailer.send(
			db,
			passwordResetMail('reset@exemple.fr', 'http://x/r/abcdefgh2345ijklmnop67qrst')
		);
		expect((await smtp.waitForMail('reset@exemple.fr')).text).toContain(
			'abcdefgh2345ijklmnop67qrst'
		);
		const [reset] = (await listOutbox(db, admin)).messages;
		expect(reset.text).toContain('http://x/r/[lien personnel masqué]');
	});
});
