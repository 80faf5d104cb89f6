// Helpers for domain tests: real, freshly migrated databases and accounts.
import type { Db } from './db/database';
import { hashPassword } from './auth/password';
import type { Actor, Role } from './auth/permissions';
import { insertAccount } from './users/queries';
import { actorOf, userFromRow, type User } from './users/user';
import { createMailer, type Mailer } from './mail/mailer';
import { systemClock, type Clock, type Context } from './context';
import { createLogger, type Logger } from './log';

export { createSharedTestDatabase, createTestDatabase } from './db/test-database';

export const TEST_PASSWORD = 'un mot de passe solide';

let cachedHash: Promise<string> | null = null;

export async function createTestUser(
	db: Db,
	role: Role,
	overrides: { email?: string; displayName?: string; active?: boolean } = {}
): Promise<{ user: User; actor: Actor }> {
	cachedHash ??= hashPassword(TEST_PASSWORD);
	const user = userFromRow(
		await insertAccount(db, {
			email: overrides.email ?? `${role}-${Math.random().toString(36).slice(2)}@exemple.fr`,
			displayName: overrides.displayName ?? `Test ${role}`,
			role,
			passwordHash: await cachedHash,
			active: overrides.active
		})
	);
	return { user, actor: actorOf(user) };
}

/** A context on a test database: mail kept in the outbox unless an SMTP server is given, time as given. */
export function createTestContext(
	db: Db,
	overrides: {
		mailer?: Mailer;
		clock?: Clock;
		origin?: string;
		submissionsPerHour?: number;
		log?: Logger;
	} = {}
): Context {
	return {
		db,
		mailer: overrides.mailer ?? createMailer({ smtpUrl: null, from: 'Concerto <c@exemple.fr>' }),
		origin: overrides.origin ?? 'https://concerto.test',
		clock: overrides.clock ?? systemClock,
		submissionsPerHour: overrides.submissionsPerHour ?? 30,
		log: overrides.log ?? createLogger('text')
	};
}
