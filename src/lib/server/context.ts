// What every service that reaches outside the database needs, built once per
// process (runtime.ts) and per request (hooks.server.ts, as locals.ctx), so
// that no function takes the database, the mailer, the site's address and
// the time as separate parameters, and tests can move the clock.
import type { Db } from './db/database';
import type { Mailer } from './mail/mailer';
import type { Logger } from './log';

export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put: for tests and for the retention's dry runs. */
export function fixedClock(at: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
	let current = at;
	return {
		now: () => new Date(current.getTime()),
		set: (next) => (current = next),
		advance: (ms) => (current = new Date(current.getTime() + ms))
	};
}

export interface Context {
	db: Db;
	mailer: Mailer;
	/** The site's address in links sent out (e-mails, calendars, letters). */
	origin: string;
	clock: Clock;
	/** Public submissions one network address may make per hour. */
	submissionsPerHour: number;
	/** What operators are told (a failed e-mail, a lost connection). */
	log: Logger;
}
