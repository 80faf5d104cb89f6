import type { UserRow } from '../db/schema';
import { fromDbBool, fromDbDate } from '../db/codecs';
import { isRole, type Actor, type Role } from '../auth/permissions';

export interface User {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	active: boolean;
	hasPassword: boolean;
	createdAt: Date;
	updatedAt: Date;
	lastLoginAt: Date | null;
}

export function userFromRow(row: UserRow): User {
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		// An unknown role (from a future version, say) grants the least.
		role: isRole(row.role) ? row.role : 'habitant',
		active: fromDbBool(row.active),
		hasPassword: row.password_hash !== null,
		createdAt: fromDbDate(row.created_at),
		updatedAt: fromDbDate(row.updated_at),
		lastLoginAt: fromDbDate(row.last_login_at)
	};
}

export function actorOf(user: User): Actor {
	return { id: user.id, role: user.role, displayName: user.displayName };
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}
