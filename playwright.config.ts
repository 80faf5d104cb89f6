import { defineConfig } from '@playwright/test';

export const E2E_PORT = 4173;
export const E2E_SMTP_PORT = 2526;
const origin = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
	testDir: 'tests',
	testMatch: /.*\.(e2e|setup)\.ts/,
	// One worker: the tests share one demo database, and CI machines have two cores.
	workers: 1,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: origin,
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
	},
	projects: [
		{ name: 'setup', testMatch: /.*\.setup\.ts/ },
		{ name: 'chromium', testMatch: /.*\.e2e\.ts/, dependencies: ['setup'] }
	],
	webServer: {
		command: 'node scripts/demo.js --fresh',
		url: `${origin}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(E2E_PORT),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: 'data/e2e.sqlite',
			SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
			MAIL_FROM: 'Concerto <concerto@exemple.fr>'
		}
	}
});
