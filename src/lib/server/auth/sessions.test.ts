import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { hashToken } from './tokens';
import {
	createSession,
	invalidateSession,
	SESSION_POLICIES,
	validateSessionToken
} from './sessions';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SESSION_LIFETIME_MS = SESSION_POLICIES.resident.idleMs;

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

	it('sign staff out after 2 hours idle and 12 hours after signing in, whatever they do', async () => {
		const db = await createTestDatabase();
		const { user } = await createTestUser(db, 'agent');
		const start = new Date('2026-01-01T08:00:00Z');
		const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
		const { token, session } = await createSession(db, user.id, start);
		expect(session.expiresAt).toEqual(at(2));
		// Working all day keeps the session, up to the 12th hour.
		for (let hour = 1.5; hour < 12; hour += 1.5) {
			const validated = await validateSessionToken(db, token, at(hour));
			expect(validated, `à ${hour} h`).not.toBeNull();
			expect(validated!.session.expiresAt.getTime()).toBeLessThanOrEqual(at(12).getTime());
		}
		expect(await validateSessionToken(db, token, at(12))).toBeNull();

		// Two hours and a minute without a request end it too.
		const second = await createSession(db, user.id, start);
		expect(await validateSessionToken(db, second.token, at(2 + 1 / 60))).toBeNull();
	});

	it('a resident made agent gets the staff lifetime at once', async () => {
		const db = await createTestDatabase();
		const { user } = await createTestUser(db, 'habitant');
		const start = new Date('2026-01-01T08:00:00Z');
		const { token } = await createSession(db, user.id, start);
		await db.updateTable('user').set({ role: 'agent' }).where('id', '=', user.id).execute();
		const validated = await validateSessionToken(db, token, new Date(start.getTime() + HOUR));
		expect(validated!.session.expiresAt).toEqual(new Date(start.getTime() + 3 * HOUR));
		expect(await validateSessionToken(db, token, new Date(start.getTime() + 13 * HOUR))).toBeNull();
	});
});
