import type { Db } from '../db/database';
import { nowForDb } from '../db/codecs';
import { InvalidInputError } from '../errors';
import { consumeRateLimit, RATE_LIMITS } from '../security/rate-limit';
import { findUserRowByEmail, updateUserRow } from '../users/queries';
import { normaliseEmail, userFromRow, type User } from '../users/user';
import { verifyAgainstNothing, verifyPassword } from './password';

export const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

/** Checks the credentials; the error never tells whether the address exists. */
export async function logIn(
	db: Db,
	input: { email: string; password: string; ipAddress: string }
): Promise<User> {
	const email = normaliseEmail(input.email);
	await consumeRateLimit(db, `login:ip:${input.ipAddress}`, RATE_LIMITS.loginPerAddress);
	await consumeRateLimit(db, `login:email:${email}`, RATE_LIMITS.loginPerAccount);
	const row = await findUserRowByEmail(db, email);
	const valid =
		row?.password_hash != null
			? await verifyPassword(row.password_hash, input.password)
			: await verifyAgainstNothing(input.password);
	if (!row || !valid || !userFromRow(row).active) throw new InvalidInputError(WRONG_CREDENTIALS);
	await updateUserRow(db, row.id, { last_login_at: nowForDb() });
	return userFromRow(row);
}
