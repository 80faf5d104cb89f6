// A resident opens her own account, by the same rules as an invitation: the
// account exists at once, without a password, and the link mailed to her
// address lets her choose one, which proves the address is hers. The page
// says the same whether the address already had an account or not; its
// owner is told by e-mail.
import type { Context } from '../context';
import { consumeRateLimit } from '../security/rate-limit';
import { recordAudit } from '../audit/audit';
import { createPasswordResetToken, INVITATION_LIFETIME_MS } from '../auth/password-reset';
import { accountExistsMail, residentWelcomeMail } from '../mail/templates';
import { findUserRowByEmail, insertAccount } from './queries';
import { normaliseEmail } from './user';
import type { ResidentSignupInput } from './schemas';

export async function signUpResident(
	ctx: Context,
	input: ResidentSignupInput,
	clientAddress: string
): Promise<void> {
	const { db, mailer, origin } = ctx;
	await consumeRateLimit(db, `account-signup:${clientAddress}`, {
		limit: ctx.submissionsPerHour,
		windowSeconds: 3600
	});
	const email = normaliseEmail(input.email);
	const created = await db.transaction().execute(async (tx) => {
		const existing = await findUserRowByEmail(tx, email);
		if (existing) return { existingName: existing.display_name };
		const row = await insertAccount(tx, {
			email,
			displayName: input.displayName,
			role: 'habitant',
			passwordHash: null
		});
		const token = await createPasswordResetToken(tx, row.id, INVITATION_LIFETIME_MS);
		await recordAudit(tx, {
			actor: null,
			action: 'user.self-signup',
			entityType: 'user',
			entityId: row.id
		});
		return { token, displayName: row.display_name, existingName: null };
	});
	await mailer.send(
		db,
		created.existingName === null
			? residentWelcomeMail(
					email,
					created.displayName,
					`${origin}/mot-de-passe-oublie/${created.token}`
				)
			: accountExistsMail(
					email,
					`${origin}/connexion`,
					`${origin}/mot-de-passe-oublie`,
					created.existingName
				)
	);
}
