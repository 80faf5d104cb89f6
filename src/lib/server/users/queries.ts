import { nowForDb } from '../db/codecs';
import type { Role } from '../auth/permissions';
import type { Executor } from '../db/database';
import type { NewUserRow, UserRow, UserRowUpdate } from '../db/schema';
import { byFrench } from '../db/database';

export function findUserRowById(db: Executor, id: number): Promise<UserRow | undefined> {
	return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserRowByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
	return db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUserRow(db: Executor, row: NewUserRow): Promise<UserRow> {
	return db.insertInto('user').values(row).returningAll().executeTakeFirstOrThrow();
}

export interface NewAccount {
	email: string;
	displayName: string;
	role: Role;
	passwordHash: string | null;
	active?: boolean;
}

/** An account that starts now; `email` must already be normalised. */
export function insertAccount(db: Executor, account: NewAccount): Promise<UserRow> {
	const now = nowForDb();
	return insertUserRow(db, {
		email: account.email,
		display_name: account.displayName,
		role: account.role,
		password_hash: account.passwordHash,
		active: account.active === false ? 0 : 1,
		created_at: now,
		updated_at: now,
		last_login_at: null
	});
}

export async function updateUserRow(
	db: Executor,
	id: number,
	changes: UserRowUpdate
): Promise<void> {
	await db.updateTable('user').set(changes).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Executor): Promise<number> {
	const { n } = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('active', '=', 1)
		.executeTakeFirstOrThrow();
	return Number(n);
}

export interface UserSearch {
	q?: string;
	role?: Role;
	page: number;
	pageSize: number;
}

export async function searchUserRows(
	db: Executor,
	search: UserSearch
): Promise<{ rows: UserRow[]; total: number }> {
	let query = db.selectFrom('user');
	if (search.role) query = query.where('role', '=', search.role);
	if (search.q) {
		const pattern = `%${search.q.toLowerCase()}%`;
		query = query.where((eb) =>
			eb.or([eb(eb.fn('lower', ['display_name']), 'like', pattern), eb('email', 'like', pattern)])
		);
	}
	const [rows, count] = await Promise.all([
		query
			.selectAll()
			.orderBy(byFrench('display_name'))
			.limit(search.pageSize)
			.offset((search.page - 1) * search.pageSize)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}
