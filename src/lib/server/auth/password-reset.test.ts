import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, firstLink, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createTestDatabase, createTestUser, TEST_PASSWORD, createTestContext } from '../testing';
import { createMailer, type Mailer } from '../mail/mailer';
import { createLogger } from '../log';
import {
	completePasswordReset,
	findUserByResetToken,
	requestPasswordReset
} from './password-reset';
import { createSession, validateSessionToken } from './sessions';
import { logIn } from './login';

let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const ORIGIN = 'https://concerto.exemple.fr';

describe('password reset', () => {
	it('mails a one-time link through SMTP that sets a new password and closes sessions', async () => {
		const db = await createTestDatabase();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		const { user } = await createTestUser(db, 'habitant', { email: 'jeanne@exemple.fr' });
		const old = await createSession(db, user.id);

		const { delivery } = await requestPasswordReset(
			createTestContext(db, { mailer, origin: ORIGIN }),
			{ email: 'Jeanne@exemple.fr', ipAddress: '10.0.0.1' }
		);
		await delivery;
		const mail = await smtp.waitForMail('jeanne@exemple.fr');
		expect(mail.subject).toBe('Choisir un nouveau mot de passe');
		const link = firstLink(mail.text);
		expect(link.startsWith(`${ORIGIN}/mot-de-passe-oublie/`)).toBe(true);
		const token = link.split('/').pop()!;

		const logged = await db.selectFrom('mail_message').selectAll().executeTakeFirstOrThrow();
		expect(logged.status).toBe('envoye');
		// Kept as read, the personal link masked: the outbox opens nobody's account.
		expect(logged.text_body).toContain('/mot-de-passe-oublie/[lien personnel masqué]');
		expect(logged.text_body).not.toContain(link.split('/').pop()!);

		expect((await findUserByResetToken(db, token))?.id).toBe(user.id);
		const newPassword = 'un tout nouveau mot de passe';
		expect((await completePasswordReset(db, token, newPassword))?.id).toBe(user.id);
		expect(await validateSessionToken(db, old.token)).toBeNull();
		expect(await completePasswordReset(db, token, 'encore un autre essai')).toBeNull();
		await expect(
			logIn(db, { email: 'jeanne@exemple.fr', password: TEST_PASSWORD, ipAddress: '10.0.0.1' })
		).rejects.toThrow();
		expect(
			(
				await logIn(db, {
					email: 'jeanne@exemple.fr',
					password: newPassword,
					ipAddress: '10.0.0.1'
				})
			).id
		).toBe(user.id);
	});

	it('tells the operators, as one JSON line, when the mail cannot even be recorded', async () => {
		const db = await createTestDatabase();
		await createTestUser(db, 'habitant', { email: 'paul@exemple.fr' });
		const lines: string[] = [];
		const log = createLogger('json', (_level, line) => lines.push(line));
		const broken: Mailer = { send: () => Promise.reject(new Error('outbox unavailable')) };
		const { delivery } = await requestPasswordReset(
			createTestContext(db, { mailer: broken, origin: ORIGIN, log }),
			{ email: 'paul@exemple.fr', ipAddress: '10.0.0.3' }
		);
		await delivery;
		expect(lines.map((line) => JSON.parse(line))).toEqual([
			expect.objectContaining({
				level: 'error',
				msg: 'Envoi du courriel de réinitialisation impossible',
				error: expect.objectContaining({ message: 'outbox unavailable' })
			})
		]);
	});

	it('sends nothing for an unknown address, and says nothing different', async () => {
		const db = await createTestDatabase();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'concerto@exemple.fr' });
		const before = smtp.received.length;
		const { delivery } = await requestPasswordReset(
			createTestContext(db, { mailer, origin: ORIGIN }),
			{ email: 'personne@exemple.fr', ipAddress: '10.0.0.2' }
		);
		await delivery;
		expect(smtp.received.length).toBe(before);
		expect(await db.selectFrom('password_reset').selectAll().execute()).toHaveLength(0);
	});

	it('refuses an expired token', async () => {
		const db = await createTestDatabase();
		const mailer = createMailer({ smtpUrl: null, from: 'concerto@exemple.fr' });
		await createTestUser(db, 'agent', { email: 'agent@exemple.fr' });
		const { delivery } = await requestPasswordReset(
			createTestContext(db, { mailer, origin: ORIGIN }),
			{ email: 'agent@exemple.fr', ipAddress: '1' }
		);
		await delivery;
		const retained = await db.selectFrom('mail_message').selectAll().executeTakeFirstOrThrow();
		expect(retained.status).toBe('retenu');
		const token = firstLink(retained.text_body!).split('/').pop()!;
		await db
			.updateTable('password_reset')
			.set({ expires_at: '2000-01-01T00:00:00.000Z' })
			.execute();
		expect(await findUserByResetToken(db, token)).toBeNull();
	});
});
