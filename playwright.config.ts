import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Debian's Chromium. Its headless shell (package chromium-headless-shell,
 * what Playwright itself runs headless by default) when installed: the full
 * browser in headless mode costs about half again as much CPU, and the
 * browser tests are CPU-bound on two cores (measured: 5.2 min → 3.4 min).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const chromium =
	process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/**
 * On PostgreSQL (`npm run test:e2e:postgres`), a representative subset, the
 * journeys that write the most through the engine: the chain from an answer
 * to its retour, answering a consultation (drafts, resume codes, receipts,
 * published results), registrations and waiting lists, and the SIGKILL
 * test. The whole suite also passes there (E2E_ON_POSTGRES=all, 103 tests in
 * 8.7 min on 2026-12-03); the subset keeps `npm test` under 15 min.
 */
const ON_POSTGRES = ['chaine', 'consultation-answering', 'crash', 'events'];

export default defineConfig({
	testDir: 'tests',
	// E2E_ON_POSTGRES=all runs every file on PostgreSQL.
	testMatch:
		process.env.E2E_ON_POSTGRES && process.env.E2E_ON_POSTGRES !== 'all'
			? new RegExp(`/(${ON_POSTGRES.join('|')})\\.e2e\\.ts$`)
			: /.*\.e2e\.ts/,
	// Each worker has its own server and database (tests/support/worker-server.ts);
	// two match CI's two cores.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	// Two workers share two cores with their servers: the longest journeys need more than 30 s.
	timeout: 60_000,
	globalSetup: './tests/support/global-setup.ts',
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		locale: 'fr-FR',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	}
});
