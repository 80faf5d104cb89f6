import { mkdirSync } from 'node:fs';
import { test, expect, logIn, authFile } from './support/fixtures';

mkdirSync('tests/.auth', { recursive: true });

for (const role of ['admin', 'agent', 'pilote', 'habitant', 'membre'] as const) {
	test(`connexion du compte de démonstration ${role}`, async ({ page, a11y }) => {
		await logIn(page, a11y, `${role}@concerto.test`);
		await expect(page).toHaveURL(['habitant', 'membre'].includes(role) ? '/compte' : '/admin');
		await a11y.check();
		await page.context().storageState({ path: authFile(role) });
	});
}
