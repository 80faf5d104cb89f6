import { test, expect, authFile, logIn } from './support/fixtures';

test.describe('une pilote, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('met à jour le statut de sa fiche, avec une explication obligatoire', async ({
		page,
		a11y
	}) => {
		await logIn(page, a11y, 'pilote@concerto.test');
		await expect(page).toHaveURL('/admin');
		await a11y.check();
		await page.getByRole('link', { name: 'Fiches-actions' }).click();
		await a11y.check();
		await expect(page.getByRole('table').getByRole('row')).toHaveCount(5); // header + her 4 fiches

		await page.getByRole('link', { name: /Améliorer le repérage des aidants/ }).click();
		await expect(page).toHaveURL('/admin/fiches/AUT-27');
		await a11y.check();
		await page.getByLabel('Nouveau statut').selectOption('en_cours');
		await page.getByRole('button', { name: 'Publier le nouveau statut' }).click();
		await expect(page.getByRole('alert').first()).toContainText(
			'Expliquez ce changement de statut'
		);
		await a11y.check();

		await page.getByLabel('Nouveau statut').selectOption('en_cours');
		await page
			.getByLabel(/Explication/)
			.fill('Un questionnaire de repérage est testé dans deux MDS.');
		await page.getByRole('button', { name: 'Publier le nouveau statut' }).click();
		await expect(page.getByRole('status').first()).toContainText('Le nouveau statut est publié.');
		await a11y.check();

		await page.getByRole('link', { name: 'Voir la page publique' }).click();
		await a11y.check();
		const history = page.getByRole('region', { name: 'Historique de l’avancement' });
		await expect(history).toContainText('Un questionnaire de repérage est testé dans deux MDS.');
		await expect(history).toContainText('Sophie Pilote');

		const other = await page.goto('/admin/fiches/HAB-05');
		expect(other?.status()).toBe(403);
		await a11y.check();
	});
});

test.describe('un agent', () => {
	test.use({ storageState: authFile('agent') });

	test('écrit la description en Markdown, publiée sans danger', async ({ page, a11y }) => {
		await page.goto('/admin/fiches/NUM-02');
		await a11y.check();
		await page
			.getByLabel('Description')
			.fill('Des **ateliers** dans les médiathèques.\n\n<script>alert("x")</script>');
		await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
		await expect(page.getByRole('status').first()).toContainText(
			'La fiche-action est enregistrée.'
		);
		await a11y.check();
		await page.goto('/schema/NUM-02');
		await a11y.check();
		await expect(page.locator('.prose strong')).toHaveText('ateliers');
		await expect(page.locator('.prose script')).toHaveCount(0);
	});

	test('réimporte les fichiers CSV sans créer de doublon', async ({ page, a11y }) => {
		await page.goto('/admin/fiches/import');
		await a11y.check();
		const folder = 'src/lib/server/fiches/data';
		await page
			.getByLabel('Fiches-actions sectorielles')
			.setInputFiles(`${folder}/fiches-actions-sectorielles-2025.csv`);
		await page
			.getByLabel('Fiches-actions départementales')
			.setInputFiles(`${folder}/fiches-actions-departementales-2025.csv`);
		await page.getByLabel('Totaux du bilan 2025').setInputFiles(`${folder}/bilan-2025-totaux.csv`);
		await page.getByRole('button', { name: 'Importer' }).click();
		await expect(page.getByRole('status')).toContainText('0 fiche(s) créée(s), 152 mise(s) à jour');
		await expect(page.getByRole('row', { name: /Habitat et logement/ })).toContainText('Conforme');
		await a11y.check();

		await page.getByLabel('Fiches-actions sectorielles').setInputFiles({
			name: 'faux.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('nom,prenom\nDupont,Jean\n')
		});
		await page
			.getByLabel('Fiches-actions départementales')
			.setInputFiles(`${folder}/fiches-actions-departementales-2025.csv`);
		await page.getByRole('button', { name: 'Importer' }).click();
		await expect(page.getByRole('alert')).toContainText('doit avoir les colonnes');
		await a11y.check();
	});
});
