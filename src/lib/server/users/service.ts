import type { Db } from '../db/database';
import type { Context } from '../context';
import { nowForDb, toDbBool } from '../db/codecs';
import { assertCan, type Actor, type Role } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { hashPassword } from '../auth/password';
import { createPasswordResetToken, INVITATION_LIFETIME_MS } from '../auth/password-reset';
import { invalidateUserSessions } from '../auth/sessions';
import { invitationMail } from '../mail/templates';
import {
	countActiveAdmins,
	findUserRowByEmail,
	findUserRowById,
	insertAccount,
	searchUserRows,
	updateUserRow
} from './queries';
import { normaliseEmail, userFromRow, type User } from './user';
import type { CreateUserInput, UpdateUserInput } from './schemas';

export const USERS_PAGE_SIZE = 50;

/** The audit trail records what changed, never a password hash. */
function auditView(user: User) {
	return {
		email: user.email,
		displayName: user.displayName,
		role: user.role,
		active: user.active
	};
}

export async function listUsers(
	db: Db,
	actor: Actor | null,
	search: { q?: string; role?: Role; page?: number }
): Promise<{ users: User[]; total: number; page: number; pageSize: number }> {
	assertCan(actor, 'users.manage');
	const page = Math.max(1, search.page ?? 1);
	const { rows, total } = await searchUserRows(db, {
		q: search.q?.trim() || undefined,
		role: search.role || undefined,
		page,
		pageSize: USERS_PAGE_SIZE
	});
	return { users: rows.map(userFromRow), total, page, pageSize: USERS_PAGE_SIZE };
}

export async function getUser(db: Db, actor: Actor | null, id: number): Promise<User> {
	assertCan(actor, 'users.manage');
	const row = await findUserRowById(db, id);
	if (!row) throw new NotFoundError('Ce compte n’existe pas.');
	return userFromRow(row);
}

/** An administrator creates an account; its owner chooses a password from the invitation. */
export async function createUser(
	ctx: Context,
	actor: Actor | null,
	input: CreateUserInput
): Promise<User> {
	const { db, mailer, origin } = ctx;
	assertCan(actor, 'users.manage');
	const email = normaliseEmail(input.email);
	const { user, token } = await db.transaction().execute(async (tx) => {
		if (await findUserRowByEmail(tx, email)) {
			throw new ConflictError('Un compte existe déjà avec cette adresse e-mail.', 'email');
		}
		const user = userFromRow(
			await insertAccount(tx, {
				email,
				displayName: input.displayName,
				role: input.role,
				passwordHash: null
			})
		);
		const token = await createPasswordResetToken(tx, user.id, INVITATION_LIFETIME_MS);
		await recordAudit(tx, {
			actor,
			action: 'user.created',
			entityType: 'user',
			entityId: user.id,
			after: auditView(user)
		});
		return { user, token };
	});
	await mailer.send(
		db,
		invitationMail(user.email, user.displayName, `${origin}/mot-de-passe-oublie/${token}`)
	);
	return user;
}

export async function updateUser(
	db: Db,
	actor: Actor | null,
	id: number,
	input: UpdateUserInput
): Promise<User> {
	assertCan(actor, 'users.manage');
	return db.transaction().execute(async (tx) => {
		const row = await findUserRowById(tx, id);
		if (!row) throw new NotFoundError('Ce compte n’existe pas.');
		const before = userFromRow(row);
		const losesAdmin =
			before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
		if (losesAdmin && before.id === actor.id) {
			throw new ForbiddenError(
				'Vous ne pouvez pas retirer vos propres droits d’administration ni désactiver votre compte.'
			);
		}
		if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
			throw new InvalidInputError('Il doit rester au moins un administrateur actif.', 'role');
		}
		await updateUserRow(tx, id, {
			display_name: input.displayName,
			role: input.role,
			active: toDbBool(input.active),
			updated_at: nowForDb()
		});
		if (!input.active || input.role !== before.role) await invalidateUserSessions(tx, id);
		const after = userFromRow((await findUserRowById(tx, id))!);
		await recordAudit(tx, {
			actor,
			action: 'user.updated',
			entityType: 'user',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
		return after;
	});
}

/** For the command line: the first administrator of a new installation. */
export async function createAdministrator(
	db: Db,
	input: { email: string; displayName: string; password: string }
): Promise<User> {
	const email = normaliseEmail(input.email);
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (tx) => {
		if (await findUserRowByEmail(tx, email)) {
			throw new ConflictError('Un compte existe déjà avec cette adresse e-mail.', 'email');
		}
		const user = userFromRow(
			await insertAccount(tx, {
				email,
				displayName: input.displayName,
				role: 'admin',
				passwordHash
			})
		);
		await recordAudit(tx, {
			actor: null,
			action: 'user.created',
			entityType: 'user',
			entityId: user.id,
			after: auditView(user)
		});
		return user;
	});
}
