import { test, expect } from './support/fixtures';

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('les filtres se combinent et l’adresse se partage', async ({ page, a11y }) => {
		await page.goto('/schema');
		await a11y.check();
		await expect(
			page.getByRole('heading', { level: 2, name: /^152 fiches-actions/ })
		).toBeVisible();

		await page.getByLabel('Axe').selectOption({ label: 'Habitat et logement' });
		await page.getByLabel('Statut').selectOption({ label: 'Reportée' });
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await expect(page).toHaveURL(/axe=habitat-logement/);
		await expect(page).toHaveURL(/statut=reportee/);
		await expect(page.getByRole('heading', { level: 2, name: /^4 fiches-actions/ })).toBeVisible();
		await expect(page.getByText('Réalisées 0/4, en cours 0/4, reportées 4/4')).toBeVisible();
		await a11y.check();

		const shared = page.url();
		await page.goto('/');
		await a11y.check();
		await page.goto(shared);
		await expect(page.getByLabel('Statut')).toHaveValue('reportee');
		await expect(
			page.getByRole('table', { name: 'Fiches-actions', exact: true }).getByRole('row')
		).toHaveCount(5);
		await a11y.check();
	});

	test('la recherche ignore les accents et les majuscules', async ({ page, a11y }) => {
		await page.goto('/schema?q=AIDANTS');
		await a11y.check();
		await expect(
			page.getByRole('link', { name: 'Soutenir les aidants avec des solutions de répit adaptées' })
		).toBeVisible();

		await page.getByLabel('Rechercher').fill('numerique');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await expect(page.getByRole('cell', { name: 'NUM-01', exact: true })).toBeVisible();
		await a11y.check();

		// « transport » finds the fiches about « mobilité », through the officers' synonyms.
		await page.getByLabel('Rechercher').fill('transport');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: /fiches?-actions? correspondant/ })
		).toBeVisible();
		await expect(page.getByRole('link', { name: /mobilité/i }).first()).toBeVisible();
		await a11y.check();

		await page.getByLabel('Rechercher').fill('xyzzy introuvable');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: /Aucune fiche-action/ })
		).toBeVisible();
		await a11y.check();
	});
});

test('la fiche montre son statut, son historique et ses actions phares', async ({ page, a11y }) => {
	await page.goto('/schema?q=guichet unique');
	await a11y.check();
	await page.getByRole('link', { name: /Créer un guichet unique/ }).click();
	await expect(page).toHaveURL('/schema/SAN-09');
	await a11y.check();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/guichet unique/);
	await expect(page.getByText('2025 et 2026')).toBeVisible();
	const history = page.getByRole('region', { name: 'Historique de l’avancement' });
	await expect(history.getByText('En cours')).toBeVisible();
	await expect(history.getByText('(bilan 2025)')).toBeVisible();
	await expect(page.getByText(/les deux sources se contredisent/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Ce que vous nous avez dit' })).toBeVisible();

	const response = await page.goto('/schema/san-09');
	expect(response?.url()).toMatch(/\/schema\/SAN-09$/);
	await a11y.check();
	const missing = await page.goto('/schema/ZZZ-99');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('link', { name: 'Voir toutes les fiches-actions' })).toBeVisible();
	await a11y.check();
});

test('le graphique a son tableau de données', async ({ page, a11y }) => {
	await page.goto('/schema?volet=sectoriel');
	await a11y.check();
	const table = page.getByRole('table', { name: /Données du graphique/ });
	const habitat = table.getByRole('row', { name: /Habitat et logement/ });
	await expect(habitat.getByRole('cell')).toHaveText(['0', '8', '4', '2', '0', '14']);
});

test('le plan est publié en données ouvertes CSV et JSON', async ({ request }) => {
	const json = await request.get('/schema.json');
	expect(json.ok()).toBe(true);
	const body = await json.json();
	expect(body.count).toBe(152);
	expect(body.fiches.find((f: { ref: string }) => f.ref === 'HAB-04')).toMatchObject({
		axis: 'habitat-logement',
		status: 'en_cours',
		flagshipYears: [2025, 2026]
	});
	const csv = await request.get('/schema.csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const lines = (await csv.text()).trim().split('\n');
	expect(lines).toHaveLength(153);
	expect(lines[0]).toContain('ref,title,component,axis,objective,number,status,flagshipYears');
});
