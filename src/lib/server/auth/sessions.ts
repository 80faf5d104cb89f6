// Sessions the Lucia way: the cookie holds a random token, the table holds
// its SHA-256 hash. Residents keep a session for 30 days, renewed while they
// come back. Staff (agents, pilotes, administrators), who see personal data,
// are signed out after 2 hours without activity and 12 hours after signing
// in, whatever they do (ASVS 3.3).
import type { Executor } from '../db/database';
import { fromDbDate, toDbDate } from '../db/codecs';
import { generateToken, hashToken } from './tokens';
import { actorOf, userFromRow, type User } from '../users/user';
import { can } from './permissions';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface SessionPolicy {
	/** Signed out after this long without a request. */
	idleMs: number;
	/** Signed out this long after signing in, whatever happens; null: never. */
	absoluteMs: number | null;
	/** The expiry moves forward once less than this is left (fewer writes). */
	renewWhenLeftMs: number;
}

export const SESSION_POLICIES = {
	staff: {
		idleMs: 2 * HOUR_MS,
		absoluteMs: 12 * HOUR_MS,
		renewWhenLeftMs: 2 * HOUR_MS - 5 * MINUTE_MS
	},
	resident: { idleMs: 30 * DAY_MS, absoluteMs: null, renewWhenLeftMs: 15 * DAY_MS }
} as const satisfies Record<string, SessionPolicy>;

export function sessionPolicyFor(user: User): SessionPolicy {
	return can(actorOf(user), 'backoffice.access')
		? SESSION_POLICIES.staff
		: SESSION_POLICIES.resident;
}

/** The latest a session may last from `now`, given when it started. */
function nextExpiry(policy: SessionPolicy, createdAt: Date, now: Date): Date {
	const idle = now.getTime() + policy.idleMs;
	const absolute = policy.absoluteMs === null ? Infinity : createdAt.getTime() + policy.absoluteMs;
	return new Date(Math.min(idle, absolute));
}

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
	const row = await db
		.selectFrom('user')
		.selectAll()
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: nextExpiry(sessionPolicyFor(userFromRow(row)), now, now)
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
		.select([
			'session.id as session_id',
			'session.expires_at as session_expires_at',
			'session.created_at as session_created_at'
		])
		.where('session.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return null;

	const user = userFromRow(row);
	const policy = sessionPolicyFor(user);
	const createdAt = fromDbDate(row.session_created_at);
	const latest = nextExpiry(policy, createdAt, now);
	let expiresAt = fromDbDate(row.session_expires_at);
	// A role that changed (a resident made agent) gets the stricter policy at once.
	const absoluteEnd =
		policy.absoluteMs === null ? Infinity : createdAt.getTime() + policy.absoluteMs;
	if (now >= expiresAt || now.getTime() >= absoluteEnd || !user.active) {
		await invalidateSession(db, sessionId);
		return null;
	}
	const left = expiresAt.getTime() - now.getTime();
	if (left < policy.renewWhenLeftMs || left > policy.idleMs || expiresAt > latest) {
		expiresAt = latest;
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
