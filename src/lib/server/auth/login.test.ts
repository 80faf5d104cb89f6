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

	it('stops guessing on one account from one address, without locking the person out elsewhere', async () => {
		const db = await createTestDatabase();
		await createTestUser(db, 'admin', { email: 'cible@exemple.fr' });
		const attacker = '10.1.0.1';
		for (let i = 0; i < RATE_LIMITS.passwordFailuresPerAccountAndAddress.limit; i++) {
			await expect(
				logIn(db, { email: 'cible@exemple.fr', password: 'essai', ipAddress: attacker })
			).rejects.toBeInstanceOf(InvalidInputError);
		}
		const error = await logIn(db, {
			email: 'cible@exemple.fr',
			password: TEST_PASSWORD,
			ipAddress: attacker
		}).catch((e) => e);
		expect(error).toBeInstanceOf(RateLimitedError);
		expect(error.status).toBe(429);
		expect(error.message).toMatch(/réessayez dans \d+ minutes?/);
		// The administrator, from her own office, still signs in.
		const user = await logIn(db, {
			email: 'cible@exemple.fr',
			password: TEST_PASSWORD,
			ipAddress: '10.2.0.1'
		});
		expect(user.email).toBe('cible@exemple.fr');
	});

	it('counts failures only: people sharing an address sign in as often as they like', async () => {
		const db = await createTestDatabase();
		await createTestUser(db, 'habitant', { email: 'voisine@exemple.fr' });
		for (let i = 0; i < RATE_LIMITS.passwordFailuresPerAccountAndAddress.limit + 5; i++)
			expect(
				await logIn(db, {
					email: 'voisine@exemple.fr',
					password: TEST_PASSWORD,
					ipAddress: '10.3.0.1'
				})
			).toMatchObject({ email: 'voisine@exemple.fr' });
	});

	it('limits the failures of one address over every account', async () => {
		const db = await createTestDatabase();
		await createTestUser(db, 'habitant', { email: 'a@exemple.fr' });
		const { limit } = RATE_LIMITS.passwordFailuresPerAddress;
		for (let i = 0; i < limit; i++)
			await expect(
				logIn(db, { email: `n${i}@exemple.fr`, password: 'essai', ipAddress: '10.4.0.1' })
			).rejects.toBeInstanceOf(InvalidInputError);
		await expect(
			logIn(db, { email: 'a@exemple.fr', password: TEST_PASSWORD, ipAddress: '10.4.0.1' })
		).rejects.toBeInstanceOf(RateLimitedError);
	});
});
