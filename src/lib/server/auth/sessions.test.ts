import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { hashToken } from './tokens';
import {
	createSession,
	invalidateSession,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from './sessions';

const DAY = 24 * 60 * 60 * 1000;

describe('sessions', () => {
	it('store only the hash of the token and find the user from the token', async () => {
		const db = await createTestDatabase();
		const { user } = await createTestUser(db, 'agent');
		const { token, session } = await createSession(db, user.id);
		const stored = await db.selectFrom('session').selectAll().executeTakeFirstOrThrow();
		expect(stored.id).toBe(hashToken(token));
		expect(stored.id).not.toContain(token);
		const validated = await validateSessionToken(db, token);
		expect(validated?.user.email).toBe(user.email);
		expect(validated?.session.id).toBe(session.id);
		expect(await validateSessionToken(db, token + 'x')).toBeNull();
	});

	it('expire after 30 days and slide when used in the second half', async () => {
		const db = await createTestDatabase();
		const { user } = await createTestUser(db, 'habitant');
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = await createSession(db, user.id, start);

		const early = await validateSessionToken(db, token, new Date(start.getTime() + 2 * DAY));
		expect(early?.session.expiresAt.getTime()).toBe(start.getTime() + SESSION_LIFETIME_MS);

		const later = new Date(start.getTime() + 20 * DAY);
		const renewed = await validateSessionToken(db, token, later);
		expect(renewed?.session.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);

		const tooLate = new Date(later.getTime() + SESSION_LIFETIME_MS + 1);
		expect(await validateSessionToken(db, token, tooLate)).toBeNull();
		expect(await db.selectFrom('session').selectAll().execute()).toHaveLength(0);
	});

	it('end on logout and for deactivated accounts', async () => {
		const db = await createTestDatabase();
		const { user } = await createTestUser(db, 'agent');
		const first = await createSession(db, user.id);
		await invalidateSession(db, first.session.id);
		expect(await validateSessionToken(db, first.token)).toBeNull();

		const second = await createSession(db, user.id);
		await db.updateTable('user').set({ active: 0 }).where('id', '=', user.id).execute();
		expect(await validateSessionToken(db, second.token)).toBeNull();
	});
});
