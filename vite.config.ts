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
		// argon2 hashing and SMTP round trips are slow on a 2-core machine, and
		// seeding the demo data before a file's tests takes seconds on PostgreSQL.
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
