// An agent imports people met at a forum from a spreadsheet, without
// JavaScript: the file is checked first, then the valid rows are added.
import { test, expect, authFile } from './support/fixtures';

test.use({ storageState: authFile('agent'), javaScriptEnabled: false });

const csv = [
	'Prénom;Nom;Courriel;Téléphone;Commune;Âge;Genre',
	'Yvette;Importée;yvette.importee@exemple.fr;;Montoire-sur-le-Loir;67;Femme',
	'Yann;Importé;;02 54 99 88 77;41269;De 25 à 39 ans;Homme',
	'Zoé;Sanscontact;;;Blois;30;Femme'
].join('\r\n');

test('importe un fichier vérifié ligne par ligne', async ({ page, a11y }) => {
	await page.goto('/admin/panel');
	await a11y.check();
	await page.getByRole('link', { name: 'Importer un fichier' }).click();
	await a11y.check();
	await page.getByLabel(/Fichier CSV/).setInputFiles({
		name: 'forum-2026.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
	await a11y.check();
	await expect(page.getByRole('alert')).toContainText(
		'chaque personne du fichier doit avoir accepté'
	);

	await page.getByLabel(/Fichier CSV/).setInputFiles({
		name: 'forum-2026.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await page.getByLabel(/Chaque personne du fichier a donné son accord/).check();
	await page.getByLabel('Statut des personnes importées').selectOption('actif');
	await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
	await a11y.check();
	await expect(
		page.getByText('2 lignes prêtes à importer, 1 ligne avec des erreurs.')
	).toBeVisible();
	await expect(page.getByRole('row', { name: /Zoé Sanscontact/ })).toContainText(
		'au moins un moyen'
	);
	await page.getByRole('button', { name: 'Importer 2 personnes' }).click();
	await a11y.check();
	await expect(page.getByRole('status')).toContainText('2 personnes ajoutées au panel.');

	await page.goto('/admin/panel?q=import');
	await a11y.check();
	await expect(page.getByRole('row', { name: /Yvette Importée/ })).toContainText('Montoire');
	await expect(page.getByRole('row', { name: /Yann Importé/ })).toContainText('Membre actif');
});
