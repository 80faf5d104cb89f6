// What a signed-in person does with their own account (RGPD: see, export, delete).
import type { Context } from '../context';
import type { Db } from '../db/database';
import { fromDbDate, nowForDb } from '../db/codecs';
import { recordAudit } from '../audit/audit';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordLimits } from '../auth/login';
import { limitFailures } from '../security/rate-limit';
import { invalidateUserSessions } from '../auth/sessions';
import { ROLE_LABELS, type Actor } from '../auth/permissions';
import { findUserRowById, updateUserRow } from './queries';
import { actorOf, userFromRow, type User } from './user';
import { eraseOwnData, ownData } from '../privacy/rights';
import type { ErasureReceipt } from '../privacy/subject-changes';

function requireSignedIn(actor: Actor | null): asserts actor is Actor {
	if (!actor) throw new ForbiddenError('Connectez-vous pour accéder à votre compte.');
}

export async function getOwnAccount(db: Db, actor: Actor | null): Promise<User> {
	requireSignedIn(actor);
	const row = await findUserRowById(db, actor.id);
	if (!row) throw new NotFoundError('Ce compte n’existe plus.');
	return userFromRow(row);
}

export async function updateOwnProfile(
	db: Db,
	actor: Actor | null,
	input: { displayName: string }
): Promise<User> {
	const before = await getOwnAccount(db, actor);
	await updateUserRow(db, before.id, { display_name: input.displayName, updated_at: nowForDb() });
	await recordAudit(db, {
		actor,
		action: 'user.profile_updated',
		entityType: 'user',
		entityId: before.id,
		before: { displayName: before.displayName },
		after: { displayName: input.displayName }
	});
	return { ...before, displayName: input.displayName };
}

/** The password asked again before a sensitive change, throttled like the sign-in. */
async function checkOwnPassword(
	db: Db,
	userId: number,
	password: string,
	ipAddress: string,
	wrong: { message: string; field: string }
): Promise<void> {
	const row = await findUserRowById(db, userId);
	if (!row) throw new InvalidInputError(wrong.message, wrong.field);
	await limitFailures(db, passwordLimits(row.email, ipAddress), async () => {
		if (!row.password_hash || !(await verifyPassword(row.password_hash, password)))
			throw new InvalidInputError(wrong.message, wrong.field);
	});
}

export async function changeOwnPassword(
	db: Db,
	actor: Actor | null,
	input: { currentPassword: string; password: string; ipAddress: string }
): Promise<void> {
	requireSignedIn(actor);
	await checkOwnPassword(db, actor.id, input.currentPassword, input.ipAddress, {
		message: 'Le mot de passe actuel est incorrect.',
		field: 'currentPassword'
	});
	await updateUserRow(db, actor.id, {
		password_hash: await hashPassword(input.password),
		updated_at: nowForDb()
	});
	await invalidateUserSessions(db, actor.id);
	await recordAudit(db, {
		actor,
		action: 'user.password_changed',
		entityType: 'user',
		entityId: actor.id
	});
}

/** Everything the platform holds about the account, as a portable document. */
export async function exportOwnData(db: Db, actor: Actor | null) {
	const user = await getOwnAccount(db, actor);
	const [sessions, actions] = await Promise.all([
		db
			.selectFrom('session')
			.select(['created_at', 'expires_at'])
			.where('user_id', '=', user.id)
			.execute(),
		db
			.selectFrom('audit_log')
			.select(['action', 'entity_type', 'entity_id', 'created_at'])
			.where('actor_user_id', '=', user.id)
			.orderBy('id')
			.execute()
	]);
	const { report } = await ownData(db, actor);
	return {
		exportedAt: new Date().toISOString(),
		about: report.anonymousNote,
		everythingLinkedToYou: report.sections
			.filter((section) => section.items.length > 0)
			.map((section) => ({
				section: section.title,
				items: section.items.map((item) => ({
					title: item.heading,
					...Object.fromEntries(item.fields.map((f) => [f.label, f.value]))
				}))
			})),
		account: {
			email: user.email,
			displayName: user.displayName,
			role: user.role,
			roleLabel: ROLE_LABELS[user.role],
			createdAt: user.createdAt.toISOString(),
			lastLoginAt: user.lastLoginAt?.toISOString() ?? null
		},
		sessions: sessions.map((s) => ({
			createdAt: fromDbDate(s.created_at).toISOString(),
			expiresAt: fromDbDate(s.expires_at).toISOString()
		})),
		actionsInBackOffice: actions.map((a) => ({
			action: a.action,
			entityType: a.entity_type,
			entityId: a.entity_id,
			at: fromDbDate(a.created_at).toISOString()
		}))
	};
}

/**
 * Deletes the account after checking its password, with everything linked to
 * it or to its e-mail (privacy/rights). Audit entries keep what was done but
 * lose the link to the person.
 */
export async function deleteOwnAccount(
	ctx: Context,
	actor: Actor | null,
	password: string,
	ipAddress: string,
	options: { withTexts?: boolean } = {}
): Promise<ErasureReceipt> {
	const { db } = ctx;
	const user = await getOwnAccount(db, actor);
	await checkOwnPassword(db, user.id, password, ipAddress, {
		message: 'Le mot de passe est incorrect.',
		field: 'password'
	});
	try {
		return await eraseOwnData(ctx, actorOf(user), { withTexts: false, ...options });
	} catch (caught) {
		if (caught instanceof InvalidInputError && /dernier compte administrateur/.test(caught.message))
			throw new InvalidInputError(
				'Vous êtes le dernier administrateur : nommez-en un autre avant de supprimer votre compte.',
				'password'
			);
		throw caught;
	}
}
