import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// Closes each file's test databases (and drops them on PostgreSQL).
		setupFiles: ['src/lib/server/db/vitest.setup.ts'],
		// Names this run's seeded templates on PostgreSQL (see createTestDatabaseFrom).
		env: { CONCERTO_TEST_RUN: process.env.CONCERTO_TEST_RUN ?? String(Date.now()) },
		expect: { requireAssertions: true },
		// Vitest's default leaves a core free: one worker on CI's two cores. Each
		// file has its own databases, so files run side by side; two workers on
		// two cores took the SQLite run from 82 s to 52 s and PostgreSQL's from
		// 150 s to 76 s (three were slower: 54 s and 95 s).
		maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || Math.max(2, availableParallelism() - 1),
		// A worker imports the app's modules once for all its files instead of
		// once per file (SQLite 52 s → 26 s, PostgreSQL 81 s → 70 s). Nothing is
		// mocked and every test makes its own database, so no file sees
		// another's state; module-level caches (compiled statements, the test
		// database templates) are shared on purpose.
		isolate: false,
		// argon2 hashing and SMTP round trips are slow on a 2-core machine, and
		// seeding the demo data before a file's tests takes seconds on PostgreSQL.
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
