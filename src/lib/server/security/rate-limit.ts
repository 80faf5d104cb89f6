// Counters kept in the database, so limits hold across restarts and across
// several server processes. Each key counts per fixed window, and a limit
// applies to the sliding estimate over the last window (this window's count
// plus the previous one's in proportion to the part still inside it): a burst
// across the boundary of two windows cannot get twice the limit through.
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { InvalidInputError, NotFoundError, RateLimitedError } from '../errors';
import { getServiceContact } from '../settings/settings';

export interface RateLimitRule {
	limit: number;
	windowSeconds: number;
}

// Passwords and public codes count failures only: a right answer never uses
// up anyone's allowance. Failures are limited per account *and* address, so
// that an attacker elsewhere cannot lock a known user out (ASVS 2.2.1), and
// per address for all accounts, sized for many people behind one address (an
// MDS kiosk, a family box, a mobile carrier's shared addresses).
export const RATE_LIMITS = {
	/** Wrong passwords for one account from one address (login, and checks in « Mon compte »). */
	passwordFailuresPerAccountAndAddress: { limit: 10, windowSeconds: 15 * 60 },
	/** Wrong passwords from one address, whatever the account. */
	passwordFailuresPerAddress: { limit: 100, windowSeconds: 15 * 60 },
	resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
	resetPerAddress: { limit: 20, windowSeconds: 60 * 60 },
	/** Unknown resume, receipt or invitation codes from one address. */
	codeFailuresPerAddress: { limit: 60, windowSeconds: 60 * 60 }
} as const satisfies Record<string, RateLimitRule>;

function windowOf(rule: RateLimitRule, now: number) {
	const windowMs = rule.windowSeconds * 1000;
	const start = Math.floor(now / windowMs) * windowMs;
	return { start, windowMs };
}

interface RecentCounts {
	current: number;
	previous: number;
}

async function recentCounts(
	db: Executor,
	key: string,
	rule: RateLimitRule,
	now: number
): Promise<RecentCounts> {
	const { start, windowMs } = windowOf(rule, now);
	const rows = await db
		.selectFrom('rate_limit')
		.select(['window_start', 'count'])
		.where('key', '=', key)
		.where('window_start', 'in', [start, start - windowMs])
		.execute();
	const countAt = (at: number) => rows.find((r) => r.window_start === at)?.count ?? 0;
	return { current: countAt(start), previous: countAt(start - windowMs) };
}

/** The attempts over the last window, rounded up so a limit is never passed early. */
function estimate(counts: RecentCounts, rule: RateLimitRule, now: number): number {
	const { start, windowMs } = windowOf(rule, now);
	const stillInside = 1 - (now - start) / windowMs;
	return counts.current + Math.ceil(counts.previous * stillInside);
}

/** Seconds until the estimate falls under the limit again, with no new attempt. */
export function secondsUntilUnder(counts: RecentCounts, rule: RateLimitRule, now: number): number {
	const { start, windowMs } = windowOf(rule, now);
	const allowed = rule.limit - 1;
	// Within this window, the previous one's share decays; after it, this one's does.
	const [count, base, from] =
		counts.current <= allowed
			? [counts.previous, allowed - counts.current, start]
			: [counts.current, allowed, start + windowMs];
	const fraction = count > 0 ? Math.max(0, 1 - base / count) : 0;
	return Math.max(1, Math.ceil((from + fraction * windowMs - now) / 1000));
}

/** Refuses when `key` already failed `rule.limit` times in this window; counts nothing. */
export async function assertUnderFailureLimit(
	db: Executor,
	key: string,
	rule: RateLimitRule,
	now = Date.now()
): Promise<void> {
	const counts = await recentCounts(db, key, rule, now);
	if (estimate(counts, rule, now) >= rule.limit) {
		const contact = await getServiceContact(db);
		throw new RateLimitedError(
			secondsUntilUnder(counts, rule, now),
			`Vous pouvez aussi appeler le service participation au ${contact.phone} (${contact.hours}) : il vous aidera.`
		);
	}
}

/**
 * Runs `attempt` unless one of the keys is at its limit; an InvalidInputError or
 * NotFoundError (a wrong password, an unknown code) counts one failure under every key.
 */
export async function limitFailures<T>(
	db: Executor,
	limits: { key: string; rule: RateLimitRule }[],
	attempt: () => Promise<T>,
	now = Date.now()
): Promise<T> {
	for (const { key, rule } of limits) await assertUnderFailureLimit(db, key, rule, now);
	try {
		return await attempt();
	} catch (caught) {
		if (caught instanceof InvalidInputError || caught instanceof NotFoundError)
			for (const { key, rule } of limits) await countAttempt(db, key, rule, now);
		throw caught;
	}
}

async function countAttempt(db: Executor, key: string, rule: RateLimitRule, now: number) {
	const { start } = windowOf(rule, now);
	return db
		.insertInto('rate_limit')
		.values({ key, window_start: start, count: 1 })
		.onConflict((oc) =>
			oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limit.count + 1` })
		)
		.returning('count')
		.executeTakeFirstOrThrow();
}

/** Counts one attempt under `key` (public submissions); throws RateLimitedError past the limit. */
export async function consumeRateLimit(
	db: Executor,
	key: string,
	rule: RateLimitRule,
	now = Date.now()
): Promise<void> {
	// The upsert counts and reads in one statement (the row is locked while it
	// runs), so each of many attempts at once gets its own rank: exactly the
	// first `limit` are let through. Reading the counter again afterwards
	// would see the others' attempts too and refuse too many.
	const { count } = await countAttempt(db, key, rule, now);
	const counts = { ...(await recentCounts(db, key, rule, now)), current: count };
	// The attempt just counted is allowed while the estimate is within the limit.
	if (estimate(counts, rule, now) > rule.limit)
		throw new RateLimitedError(secondsUntilUnder(counts, rule, now));
}

export async function pruneRateLimits(db: Executor, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('rate_limit')
		.where('window_start', '<', now - 24 * 60 * 60 * 1000)
		.execute();
}

/** Unknown public codes (resume, receipt, invitation) are limited per address. */
export function codeLimits(clientAddress: string) {
	return [{ key: `code-failure:${clientAddress}`, rule: RATE_LIMITS.codeFailuresPerAddress }];
}
