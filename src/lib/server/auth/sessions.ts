// Sessions the Lucia way: the cookie holds a random token, the table holds
// its SHA-256 hash; 30 days, renewed when less than 15 days are left.
import type { Executor } from '../db/database';
import { fromDbDate, toDbDate } from '../db/codecs';
import { generateToken, hashToken } from './tokens';
import { userFromRow, type User } from '../users/user';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export interface ValidatedSession {
	session: Session;
	user: User;
}

export async function createSession(
	db: Executor,
	userId: number,
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	await db
		.insertInto('session')
		.values({
			id: session.id,
			user_id: userId,
			expires_at: toDbDate(session.expiresAt),
			created_at: toDbDate(now)
		})
		.execute();
	return { token, session };
}

export async function validateSessionToken(
	db: Executor,
	token: string,
	now = new Date()
): Promise<ValidatedSession | null> {
	const sessionId = hashToken(token);
	const row = await db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.selectAll('user')
		.select(['session.id as session_id', 'session.expires_at as session_expires_at'])
		.where('session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return null;

	const user = userFromRow(row);
	let expiresAt = fromDbDate(row.session_expires_at);
	if (now >= expiresAt || !user.active) {
		await invalidateSession(db, sessionId);
		return null;
	}
	if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db
			.updateTable('session')
			.set({ expires_at: toDbDate(expiresAt) })
			.where('id', '=', sessionId)
			.execute();
	}
	return { session: { id: sessionId, userId: user.id, expiresAt }, user };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Executor, userId: number): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<void> {
	await db.deleteFrom('session').where('expires_at', '<=', toDbDate(now)).execute();
}
