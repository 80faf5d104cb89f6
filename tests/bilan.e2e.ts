import { test, expect, authFile, logIn } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

test('le bilan 2025 publié se lit en ligne, ses totaux suivent ses tableaux', async ({
	page,
	a11y
}) => {
	await page.goto('/schema');
	await a11y.check();
	await page.getByRole('link', { name: 'Bilan des actions 2025' }).click();
	await expect(page).toHaveURL('/schema/bilan/2025');
	await a11y.check();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan des actions 2025');

	const habitat = page.getByRole('table', { name: /Habitat et logement/ });
	await expect(habitat).toContainText(
		'Réalisées 0/14, En cours 8/14, Reportées 4/14, Supprimées 2/14'
	);
	await expect(habitat.getByRole('row')).toHaveCount(15);
	await expect(habitat.locator('tbody .status', { hasText: 'En cours' })).toHaveCount(8);
	await expect(habitat.locator('tbody .status', { hasText: 'Reportée' })).toHaveCount(4);

	await expect(page.getByRole('heading', { name: 'Les 15 actions phares 2025' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 3, name: /^1\. Améliorer l'accès et l'accueil/ })
	).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('link', { name: 'Le schéma des solidarités' })).toBeHidden();
});

test.describe('la campagne 2026', () => {
	test.use({ storageState: authFile('agent') });

	test('un agent ouvre le bilan 2026', async ({ page, a11y }) => {
		await page.goto('/admin/bilans');
		await a11y.check();
		await page.getByLabel('Année').fill('deux mille');
		await page.getByRole('button', { name: 'Ouvrir le bilan' }).click();
		await expect(page.getByRole('alert').first()).toContainText('Indiquez une année');
		await a11y.check();
		await page.getByLabel('Année').fill('2026');
		await page.getByRole('button', { name: 'Ouvrir le bilan' }).click();
		await expect(page).toHaveURL('/admin/bilans/2026');
		await a11y.check();
		const notPublished = await page.request.get('/schema/bilan/2026', {
			headers: { Accept: 'text/html' }
		});
		expect(notPublished.status()).toBe(200); // staff preview
	});
});

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('la pilote remplit le bilan de sa fiche, avec un indicateur', async ({ page, a11y }) => {
		await logIn(page, a11y, 'pilote@concerto.test');
		await a11y.check();
		await page.goto('/admin/fiches/AUT-28');
		await a11y.check();
		await page.getByLabel('Nouvel indicateur').fill('Aidants ayant bénéficié d’un répit');
		await page.getByLabel('Unité (facultatif)').fill('personnes');
		await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
		await expect(page.getByRole('status').first()).toContainText('L’indicateur est ajouté.');
		await a11y.check();

		await page.goto('/admin/bilans/2026');
		await a11y.check();
		await expect(page.getByRole('table').getByRole('row')).toHaveCount(5);
		await page.getByRole('link', { name: 'Remplir le bilan de AUT-28' }).click();
		await a11y.check();
		await page.getByLabel('Statut au bilan 2026').selectOption('realisee');
		await page.getByLabel(/Aidants ayant bénéficié/).fill('beaucoup');
		await page.getByRole('button', { name: 'Envoyer le bilan' }).click();
		await expect(page.getByRole('heading', { name: /Le formulaire contient/ })).toBeVisible();
		await expect(page.getByLabel(/Bilan de l’année/)).toHaveAccessibleDescription(
			/une ou deux phrases/
		);
		await a11y.check();

		await page
			.getByLabel(/Bilan de l’année/)
			.fill('Douze plateformes de répit accueillent les aidants dans tout le département.');
		await page.getByLabel(/Aidants ayant bénéficié/).fill('1 240');
		await page.getByRole('button', { name: 'Envoyer le bilan' }).click();
		await expect(page).toHaveURL('/admin/bilans/2026?rempli=AUT-28');
		await expect(page.getByRole('row', { name: /AUT-28/ })).toContainText('À valider');
		await a11y.check();
		await expect(page.getByRole('button', { name: /Valider le bilan/ })).toHaveCount(0);
	});
});

test.describe('la validation et la publication', () => {
	test.use({ storageState: authFile('agent'), javaScriptEnabled: false });

	test('l’agent valide et publie ; le bilan et la fiche l’affichent', async ({ page, a11y }) => {
		await page.goto('/admin/bilans/2026');
		await a11y.check();
		await page.getByRole('button', { name: 'Valider le bilan de AUT-28' }).click();
		await expect(page.getByRole('status').first()).toContainText('Le bilan de AUT-28 est validé.');
		await a11y.check();
		await page.getByRole('button', { name: 'Publier le bilan 2026' }).click();
		await expect(page.getByRole('status').first()).toContainText('Le bilan 2026 est publié.');
		await a11y.check();

		await page.goto('/schema/bilan/2026');
		await a11y.check();
		const autonomie = page.getByRole('table', { name: /Autonomie/ });
		await expect(autonomie).toContainText('Réalisées 1/30');
		await expect(autonomie).toContainText('Douze plateformes de répit');

		await page.goto('/schema/AUT-28');
		await a11y.check();
		await expect(page.getByRole('region', { name: 'Bilans annuels' })).toContainText(
			'Douze plateformes de répit'
		);
		await expect(page.getByRole('region', { name: 'Indicateurs', exact: true })).toContainText(
			'1 240'
		);
		await expect(page.getByRole('region', { name: 'Historique de l’avancement' })).toContainText(
			'bilan 2026'
		);
	});
});
