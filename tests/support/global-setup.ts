// Before the browser tests: the demonstration database is seeded once into a
// template, the five demo accounts log in through the real form and their
// sessions are saved for the tests; each worker then copies the template
// (worker-server.ts), so the saved sessions hold in every worker.
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { chromium, type FullConfig } from '@playwright/test';
import { authFile, DEMO_PASSWORD, DEMO_ROLES } from './fixtures';
import {
	onPostgres,
	resetTemplate,
	startAppServer,
	TEMPLATE_DATABASE,
	TEMPLATE_PORT,
	templateDatabase
} from './worker-server';

export default async function globalSetup(config: FullConfig): Promise<void> {
	mkdirSync('data', { recursive: true });
	mkdirSync('tests/.auth', { recursive: true });
	resetTemplate();
	const server = await startAppServer(TEMPLATE_PORT, templateDatabase(), TEMPLATE_PORT + 1);
	const browser = await chromium.launch(config.projects[0].use.launchOptions);
	try {
		for (const role of DEMO_ROLES) {
			const context = await browser.newContext({ baseURL: server.origin });
			const page = await context.newPage();
			await page.goto('/connexion');
			await page.getByLabel('Adresse e-mail').fill(`${role}@concerto.test`);
			await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
			await page.getByRole('button', { name: 'Se connecter' }).click();
			await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
			await context.storageState({ path: authFile(role) });
			await context.close();
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	if (onPostgres) return;
	// Everything into the main file, which is all a worker copies.
	const db = new Database(TEMPLATE_DATABASE);
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
}
