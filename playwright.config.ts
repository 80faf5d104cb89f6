import { defineConfig } from '@playwright/test';

export default defineConfig({
	testDir: 'tests',
	testMatch: /.*\.e2e\.ts/,
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
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
