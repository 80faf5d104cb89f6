import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import { RateLimitedError } from '../errors';
import { consumeRateLimit, secondsUntilUnder } from './rate-limit';

const rule = { limit: 10, windowSeconds: 600 };
const WINDOW = 600_000;
/** A time that starts a window. */
const T0 = 1000 * WINDOW;

async function attempts(db: Awaited<ReturnType<typeof createTestDatabase>>, at: number, n: number) {
	let allowed = 0;
	for (let i = 0; i < n; i++)
		try {
			await consumeRateLimit(db, 'k', rule, at);
			allowed++;
		} catch (caught) {
			expect(caught).toBeInstanceOf(RateLimitedError);
		}
	return allowed;
}

describe('rate limits', () => {
	it('let no burst across the boundary of two windows get twice the limit', async () => {
		const db = await createTestDatabase();
		expect(await attempts(db, T0 + WINDOW - 1000, 15)).toBe(10);
		// One second later a new window starts: the previous one still counts almost fully.
		expect(await attempts(db, T0 + WINDOW, 15)).toBe(0);
		await db.destroy();
	});

	it('give back the allowance as the previous window slides out', async () => {
		const db = await createTestDatabase();
		expect(await attempts(db, T0 + WINDOW - 1000, 10)).toBe(10);
		// Half a window later, half of the previous window's attempts still count.
		expect(await attempts(db, T0 + WINDOW + WINDOW / 2, 15)).toBe(5);
		await db.destroy();
	});

	it('say when the next attempt will be allowed', async () => {
		// 10 of 10 in this window: wait for the next window, then for 10 % of it.
		expect(secondsUntilUnder({ current: 10, previous: 0 }, rule, T0)).toBe(600 + 60);
		// 10 in the previous window, none now: wait until 10 % of it has slid out.
		expect(secondsUntilUnder({ current: 0, previous: 10 }, rule, T0)).toBe(60);
	});
});
