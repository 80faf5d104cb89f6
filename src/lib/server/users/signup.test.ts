import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { RateLimitedError } from '../errors';
import { findUserByResetToken } from '../auth/password-reset';
import { signUpResident } from './signup';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('a resident opens her own account', () => {
	it('gets a link to choose her password; an address already known only tells its owner', async () => {
		const db = await createTestDatabase();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <c@exemple.fr>' });
		const options = { origin: ORIGIN, clientAddress: '203.0.113.9', perHour: 3 };
		const ctx = createTestContext(db, { mailer, origin: ORIGIN, submissionsPerHour: 3 });
		await signUpResident(
			ctx,
			{ displayName: 'Nadia Benali', email: 'Nadia@Exemple.fr ' },
			options.clientAddress
		);
		const account = await db
			.selectFrom('user')
			.select(['role', 'password_hash', 'display_name'])
			.where('email', '=', 'nadia@exemple.fr')
			.executeTakeFirstOrThrow();
		expect(account).toEqual({
			role: 'habitant',
			password_hash: null,
			display_name: 'Nadia Benali'
		});
		const welcome = await smtp.waitForMail('nadia@exemple.fr');
		expect(welcome.text).toMatch(/^Bonjour Nadia Benali,/);
		const token = /\/mot-de-passe-oublie\/(\S+)/.exec(welcome.text)![1];
		expect((await findUserByResetToken(db, token))?.email).toBe('nadia@exemple.fr');

		const staff = await createTestUser(db, 'agent', { email: 'agent.bis@exemple.fr' });
		await signUpResident(
			ctx,
			{ displayName: 'Quelqu’un', email: 'agent.bis@exemple.fr' },
			options.clientAddress
		);
		const known = await smtp.waitForMail('agent.bis@exemple.fr', 10_000, /déjà un compte/);
		expect(known.text).toContain(`${ORIGIN}/mot-de-passe-oublie`);
		const agent = await db
			.selectFrom('user')
			.select(['role', 'display_name'])
			.where('id', '=', staff.actor.id)
			.executeTakeFirstOrThrow();
		expect(agent.role).toBe('agent');

		await signUpResident(
			ctx,
			{ displayName: 'Trois', email: 'trois@exemple.fr' },
			options.clientAddress
		);
		await expect(
			signUpResident(
				ctx,
				{ displayName: 'Quatre', email: 'quatre@exemple.fr' },
				options.clientAddress
			)
		).rejects.toBeInstanceOf(RateLimitedError);
	});
});
