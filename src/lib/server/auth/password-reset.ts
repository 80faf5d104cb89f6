// One mechanism for "forgot my password" (1 hour) and account invitations
// (7 days): a random token e-mailed as a link, stored hashed, used once.
import type { Context } from '../context';
import type { Db, Executor } from '../db/database';
import { fromDbDate, nowForDb, toDbDate } from '../db/codecs';
import { generateToken, hashToken } from './tokens';
import { hashPassword } from './password';
import { invalidateUserSessions } from './sessions';
import { consumeRateLimit, RATE_LIMITS } from '../security/rate-limit';
import { recordAudit } from '../audit/audit';
import { findUserRowByEmail, findUserRowById, updateUserRow } from '../users/queries';
import { actorOf, normaliseEmail, userFromRow, type User } from '../users/user';
import { passwordResetMail } from '../mail/templates';

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function createPasswordResetToken(
	db: Executor,
	userId: number,
	lifetimeMs = RESET_LIFETIME_MS
): Promise<string> {
	const token = generateToken();
	const now = new Date();
	await db
		.insertInto('password_reset')
		.values({
			id: hashToken(token),
			user_id: userId,
			expires_at: toDbDate(new Date(now.getTime() + lifetimeMs)),
			created_at: toDbDate(now)
		})
		.execute();
	return token;
}

export interface ResetRequest {
	email: string;
	ipAddress: string;
}

/**
 * Sends a reset link when an active account has this address. The caller
 * answers the same thing either way; `delivery` settles when the mail is
 * handed over, so that a request never waits on the mail server.
 */
export async function requestPasswordReset(
	{ db, mailer, origin, log }: Context,
	request: ResetRequest
): Promise<{ delivery: Promise<unknown> }> {
	const email = normaliseEmail(request.email);
	await consumeRateLimit(db, `reset:ip:${request.ipAddress}`, RATE_LIMITS.resetPerAddress);
	await consumeRateLimit(db, `reset:email:${email}`, RATE_LIMITS.resetPerAccount);
	const row = await findUserRowByEmail(db, email);
	if (!row || !userFromRow(row).active) return { delivery: Promise.resolve() };
	const token = await createPasswordResetToken(db, row.id);
	const link = `${origin}/mot-de-passe-oublie/${token}`;
	const delivery = mailer
		.send(db, passwordResetMail(row.email, link, row.display_name))
		.catch((error) => {
			log.error('Envoi du courriel de réinitialisation impossible', { error });
		});
	return { delivery };
}

/** The account a still-valid token belongs to, or null. */
export async function findUserByResetToken(db: Executor, token: string): Promise<User | null> {
	const reset = await db
		.selectFrom('password_reset')
		.selectAll()
		.where('id', '=', hashToken(token))
		.executeTakeFirst();
	if (!reset || fromDbDate(reset.expires_at) <= new Date()) return null;
	const row = await findUserRowById(db, reset.user_id);
	if (!row) return null;
	const user = userFromRow(row);
	return user.active ? user : null;
}

/** Sets the new password, spends every token of the account and closes its sessions. */
export async function completePasswordReset(
	db: Db,
	token: string,
	password: string
): Promise<User | null> {
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (tx) => {
		const user = await findUserByResetToken(tx, token);
		if (!user) return null;
		await updateUserRow(tx, user.id, { password_hash: passwordHash, updated_at: nowForDb() });
		await tx.deleteFrom('password_reset').where('user_id', '=', user.id).execute();
		await invalidateUserSessions(tx, user.id);
		await recordAudit(tx, {
			actor: actorOf(user),
			action: 'user.password_reset',
			entityType: 'user',
			entityId: user.id
		});
		return { ...user, hasPassword: true };
	});
}
