import type { Db } from '../db/database';
import { nowForDb } from '../db/codecs';
import { InvalidInputError } from '../errors';
import { limitFailures, RATE_LIMITS } from '../security/rate-limit';
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
	return limitFailures(db, passwordLimits(email, input.ipAddress), async () => {
		const row = await findUserRowByEmail(db, email);
		const valid =
			row?.password_hash != null
				? await verifyPassword(row.password_hash, input.password)
				: await verifyAgainstNothing(input.password);
		if (!row || !valid || !userFromRow(row).active) throw new InvalidInputError(WRONG_CREDENTIALS);
		await updateUserRow(db, row.id, { last_login_at: nowForDb() });
		return userFromRow(row);
	});
}

/** Wrong passwords are limited per account and address, and per address. */
export function passwordLimits(email: string, ipAddress: string) {
	return [
		{
			key: `password-failure:${normaliseEmail(email)}:${ipAddress}`,
			rule: RATE_LIMITS.passwordFailuresPerAccountAndAddress
		},
		{ key: `password-failure:ip:${ipAddress}`, rule: RATE_LIMITS.passwordFailuresPerAddress }
	];
}
