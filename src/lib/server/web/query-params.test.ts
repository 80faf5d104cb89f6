import { describe, expect, it } from 'vitest';
import { pageParam, queryInt } from './query-params';

const url = (query: string) => new URL(`http://x/admin/journal?${query}`);

describe('numbers in the query', () => {
	it('reads page numbers and falls back on anything else', () => {
		expect(pageParam(url('page=3'))).toBe(3);
		for (const hostile of ['1e309', '99999999999999999999', '-3', '0', '2.5', 'abc', '', '%00'])
			expect(pageParam(url(`page=${hostile}`)), hostile).toBe(1);
		expect(pageParam(url('page=999999999'))).toBe(10_000);
		expect(pageParam(url(''))).toBe(1);
	});

	it('optional numbers stay undefined when absent or malformed', () => {
		expect(queryInt(url('territoire=2'), 'territoire', { min: 1 })).toBe(2);
		expect(queryInt(url('territoire=x'), 'territoire', { min: 1 })).toBeUndefined();
		expect(queryInt(url('membre=0'), 'membre', { fallback: 0 })).toBe(0);
	});
});
