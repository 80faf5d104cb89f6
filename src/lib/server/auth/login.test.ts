import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser, TEST_PASSWORD } from '../testing';
import { InvalidInputError, RateLimitedError } from '../errors';
import { logIn, WRONG_CREDENTIALS } from './login';
import { RATE_LIMITS } from '../security/rate-limit';

describe('logIn', () => {
	it('accepts the right password whatever the case of the address', async () => {
		const db = await createTestDatabase();
		const { user } = await createTestUser(db, 'agent', { email: 'karim@exemple.fr' });
		const loggedIn = await logIn(db, {
			email: '  Karim@Exemple.FR ',
			password: TEST_PASSWORD,
			ipAddress: '10.0.0.1'
		});
		expect(loggedIn.id).toBe(user.id);
		const row = await db.selectFrom('user').select('last_login_at').executeTakeFirstOrThrow();
		expect(row.last_login_at).not.toBeNull();
	});

	it('gives the same message for a wrong password, an unknown address and a deactivated account', async () => {
		const db = await createTestDatabase();
		await createTestUser(db, 'agent', { email: 'a@exemple.fr' });
		await createTestUser(db, 'agent', { email: 'off@exemple.fr', active: false });
		const attempts = [
			{ email: 'a@exemple.fr', password: 'mauvais mot de passe' },
			{ email: 'inconnu@exemple.fr', password: TEST_PASSWORD },
			{ email: 'off@exemple.fr', password: TEST_PASSWORD }
		];
		for (const attempt of attempts) {
			const error = await logIn(db, { ...attempt, ipAddress: '10.0.0.2' }).catch((e) => e);
			expect(error).toBeInstanceOf(InvalidInputError);
			expect(error.message).toBe(WRONG_CREDENTIALS);
		}
	});

	it('stops guessing on one account after the limit, even with the right password', async () => {
		const db = await createTestDatabase();
		await createTestUser(db, 'admin', { email: 'cible@exemple.fr' });
		for (let i = 0; i < RATE_LIMITS.loginPerAccount.limit; i++) {
			await expect(
				logIn(db, { email: 'cible@exemple.fr', password: 'essai', ipAddress: `10.1.0.${i}` })
			).rejects.toBeInstanceOf(InvalidInputError);
		}
		const error = await logIn(db, {
			email: 'cible@exemple.fr',
			password: TEST_PASSWORD,
			ipAddress: '10.1.1.1'
		}).catch((e) => e);
		expect(error).toBeInstanceOf(RateLimitedError);
		expect(error.status).toBe(429);
		expect(error.message).toMatch(/réessayez dans \d+ minutes?/);
	});
});
