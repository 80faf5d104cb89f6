// Fixed-window counters kept in the database, so limits hold across
// restarts and across several server processes.
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { RateLimitedError } from '../errors';

export interface RateLimitRule {
	limit: number;
	windowSeconds: number;
}

export const RATE_LIMITS = {
	loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
	loginPerAddress: { limit: 50, windowSeconds: 15 * 60 },
	resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
	resetPerAddress: { limit: 20, windowSeconds: 60 * 60 },
	resumeCodePerAddress: { limit: 20, windowSeconds: 60 * 60 }
} as const satisfies Record<string, RateLimitRule>;

/** Counts one attempt under `key`; throws RateLimitedError past the limit. */
export async function consumeRateLimit(
	db: Executor,
	key: string,
	rule: RateLimitRule,
	now = Date.now()
): Promise<void> {
	const windowMs = rule.windowSeconds * 1000;
	const windowStart = Math.floor(now / windowMs) * windowMs;
	const row = await db
		.insertInto('rate_limit')
		.values({ key, window_start: windowStart, count: 1 })
		.onConflict((oc) =>
			oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limit.count + 1` })
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	if (row.count > rule.limit) {
		throw new RateLimitedError(Math.ceil((windowStart + windowMs - now) / 1000));
	}
}

export async function pruneRateLimits(db: Executor, now = Date.now()): Promise<void> {
	await db
		.deleteFrom('rate_limit')
		.where('window_start', '<', now - 24 * 60 * 60 * 1000)
		.execute();
}
