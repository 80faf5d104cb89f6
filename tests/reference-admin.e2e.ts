import { test, expect, authFile } from './support/fixtures';

test.use({ storageState: authFile('admin'), javaScriptEnabled: false });

test('un administrateur rattache une commune à un autre territoire, et c’est journalisé', async ({
	page,
	a11y
}) => {
	await page.goto('/admin/referentiel/communes?q=vendome');
	await a11y.check();
	await page.getByRole('link', { name: 'Vendôme', exact: true }).click();
	await a11y.check();
	await page.getByLabel('Territoire').selectOption({ label: 'Territoire centre' });
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toContainText('est enregistré');
	await a11y.check();

	await page.goto('/admin/journal?type=commune');
	await a11y.check();
	const entry = page.locator('.journal-entry').first();
	await expect(entry).toContainText(
		/a changé le territoire de la commune de code Insee \d{5} \(«\sVendôme\s»\)\./
	);
});

test('un nom de territoire vide est refusé avec un message clair', async ({ page, a11y }) => {
	await page.goto('/admin/referentiel');
	await a11y.check();
	const field = page.getByLabel('Nom du territoire « sud »');
	await field.fill('   ');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		field.locator('xpath=ancestor::form').getByRole('button', { name: 'Renommer' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.getByText('Erreur : Indiquez le nom du territoire.')).toBeVisible();
	await a11y.check();
});

test('un lieu se crée avec sa commune, les erreurs sont expliquées', async ({ page, a11y }) => {
	await page.goto('/admin/referentiel/sites/nouveau');
	await a11y.check();
	await page.getByRole('button', { name: 'Ajouter le lieu' }).click();
	await expect(page.getByRole('heading', { name: /Le formulaire contient/ })).toBeVisible();
	await a11y.check();
	await page.getByLabel(/^Nom /).fill('Antenne de Saint-Aignan');
	await page.getByLabel('Commune').selectOption({ label: 'Saint-Aignan (41110)' });
	await page.getByRole('button', { name: 'Ajouter le lieu' }).click();
	await expect(page).toHaveURL('/admin/referentiel');
	await expect(page.getByRole('link', { name: 'Antenne de Saint-Aignan' })).toBeVisible();
	await a11y.check();
});
