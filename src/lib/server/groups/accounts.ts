// A member signs in to see their groups: the officer opens an account for
// the person (or links the one that already uses their address).
import type { Context } from '../context';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { createPasswordResetToken, INVITATION_LIFETIME_MS } from '../auth/password-reset';
import { invitationMail } from '../mail/templates';
import { findUserRowByEmail, insertAccount } from '../users/queries';
import { normaliseEmail } from '../users/user';

export type AccountOutcome = 'invited' | 'linked';

export async function openMemberAccount(
	ctx: Context,
	actor: Actor | null,
	personId: number
): Promise<AccountOutcome> {
	const { db, mailer, origin } = ctx;
	assertCan(actor, 'groups.manage');
	const person = await db
		.selectFrom('person')
		.select(['first_name', 'last_name', 'email', 'user_id', 'status'])
		.where('id', '=', personId)
		.executeTakeFirst();
	if (!person || person.status === 'parti') throw new NotFoundError('Personne introuvable.');
	if (person.user_id) throw new ConflictError('Cette personne a déjà un compte.');
	if (!person.email)
		throw new InvalidInputError(
			'Il faut une adresse e-mail pour ouvrir un compte : ajoutez-la d’abord.'
		);
	const email = normaliseEmail(person.email);
	const displayName = `${person.first_name} ${person.last_name}`.trim();
	const outcome = await db.transaction().execute(async (tx) => {
		const existing = await findUserRowByEmail(tx, email);
		const userId =
			existing?.id ??
			(await insertAccount(tx, { email, displayName, role: 'membre', passwordHash: null })).id;
		await tx.updateTable('person').set({ user_id: userId }).where('id', '=', personId).execute();
		await recordAudit(tx, {
			actor,
			action: existing ? 'person.account.link' : 'person.account.create',
			entityType: 'person',
			entityId: personId,
			after: { userId }
		});
		if (existing) return { kind: 'linked' as const };
		return {
			kind: 'invited' as const,
			token: await createPasswordResetToken(tx, userId, INVITATION_LIFETIME_MS)
		};
	});
	if (outcome.kind === 'invited')
		await mailer.send(
			db,
			invitationMail(email, displayName, `${origin}/mot-de-passe-oublie/${outcome.token}`)
		);
	return outcome.kind;
}
