import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { test, expect, authFile } from './support/fixtures';
import { demoConsultation, demoQuestion } from './support/demo-rows';

test.use({ storageState: authFile('agent') });

test('un agent construit une consultation, saisit un questionnaire papier et exporte les réponses', async ({
	page,
	a11y
}) => {
	test.setTimeout(90_000);
	await page.goto('/admin/consultations');
	await a11y.check();
	await page.getByRole('link', { name: 'Nouvelle consultation' }).click();
	await a11y.check();
	await page.getByLabel('Titre').fill('Atelier mobilité de Romorantin');
	await page.getByLabel('Adresse de la consultation').fill('atelier-mobilite-romorantin');
	await page.getByLabel('Ouverture (heure de Paris)').fill('2026-01-05T09:00');
	await page.getByLabel('Clôture (heure de Paris)').fill('2030-12-31T18:00');
	await page.getByLabel('Fiches-actions liées').fill('AUT-27, XYZ-99');
	await page.getByRole('button', { name: 'Créer la consultation' }).click();
	await expect(page.getByText(/Fiche-action inconnue\s:\sXYZ-99/).first()).toBeVisible();
	await a11y.check();
	await page.getByLabel('Fiches-actions liées').fill('AUT-27');
	await page.getByRole('button', { name: 'Créer la consultation' }).click();
	await expect(page).toHaveURL(/\/admin\/consultations\/\d+\/questionnaire$/);
	await a11y.check();
	const base = page.url().replace(/\/questionnaire$/, '');

	// A single-choice question, then its details on its own page.
	await page.getByText('Ajouter une question à la section 1').click();
	await page.getByLabel('Type de question').selectOption({ label: 'Choix unique' });
	await page
		.getByLabel('Question (obligatoire)')
		.fill('Comment venez-vous à la maison des solidarités ?');
	await page.getByLabel('Propositions, une par ligne').fill('À pied\nEn voiture\nEn bus');
	await page.getByLabel('Ajouter « Autre, précisez »').check();
	await page.getByLabel('Réponse obligatoire').check();
	await page.getByRole('button', { name: 'Ajouter la question' }).click();
	await expect(page.getByText('Question ajoutée.')).toBeVisible();
	await a11y.check();
	await page.getByLabel('Aide (facultative)').fill('Votre moyen le plus habituel.');
	await page.getByRole('button', { name: 'Enregistrer la question' }).click();
	await expect(page.getByText('La question est enregistrée.')).toBeVisible();
	await a11y.check();

	await page.goto(`${base}/questionnaire`);
	await a11y.check();
	await page.getByText('Ajouter une question à la section 1').click();
	await page.getByLabel('Type de question').selectOption({ label: 'Texte long' });
	await page
		.getByLabel('Question (obligatoire)')
		.fill('Qu’est-ce qui vous faciliterait le trajet ?');
	await page.getByRole('button', { name: 'Ajouter la question' }).click();
	await expect(page.getByText('Question ajoutée.')).toBeVisible();
	await a11y.check();

	await page.goto(base);
	await a11y.check();
	await page.getByRole('button', { name: /^Publier/ }).click();
	await expect(page.getByText('Statut de la consultation : Ouverte.')).toBeVisible();
	await a11y.check();

	// The printed version carries the same numbers as the entry screen.
	await page.getByRole('link', { name: 'Version papier à imprimer' }).click();
	await a11y.check();
	await expect(
		page.getByText('Q1. Comment venez-vous à la maison des solidarités ?')
	).toBeVisible();
	await expect(page.getByText('Q2. Qu’est-ce qui vous faciliterait le trajet ?')).toBeVisible();

	await page.goto(`${base}/saisie`);
	await a11y.check();
	await expect(page.getByLabel('Canal')).toBeFocused();
	await page.getByRole('button', { name: 'Enregistrer cette réponse' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Une réponse est à revoir');
	await a11y.check();

	await page.getByLabel('Canal').selectOption({ label: 'Entretien de terrain' });
	await page.getByLabel('Lieu de l’entretien (terrain)').fill('Marché du samedi');
	await page
		.getByLabel('Commune de l’entretien (terrain)')
		.selectOption({ label: 'Romorantin-Lanthenay' });
	await page.getByLabel('Date de l’entretien (terrain)').fill('2026-11-21');
	await page.getByLabel('Autre', { exact: true }).check();
	await page.getByLabel('Si « Autre », précisez').fill('Transport solidaire');
	await page
		.getByLabel(/Q2\. Qu’est-ce qui vous faciliterait/)
		.fill('Une navette le samedi matin; « depuis » les hameaux');
	await page.getByRole('button', { name: 'Enregistrer cette réponse' }).click();
	await expect(page.getByRole('status')).toContainText('Réponse enregistrée');
	await expect(page.locator('.code')).toHaveText(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
	// The place and day stay for the next interview of the series.
	await expect(page.getByLabel('Lieu de l’entretien (terrain)')).toHaveValue('Marché du samedi');
	// The enhanced form comes back empty, ready to type the next one from the top.
	await expect(page.getByLabel('Autre', { exact: true })).not.toBeChecked();
	await expect(page.getByLabel(/Q2\. Qu’est-ce qui vous faciliterait/)).toHaveValue('');
	await expect(page.getByLabel('Canal')).toBeFocused();
	await a11y.check();

	await page.goto(`${base}/resultats`);
	await a11y.check();
	await expect(page.getByText('1 réponse', { exact: true })).toBeVisible();

	const csv = await page.request.get(`${base}/export.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const [header, row] = parse(text.slice(1), { delimiter: ';' }) as string[][];
	const cell = (name: string) => row[header.indexOf(name)];
	expect(cell('canal')).toBe('Entretien de terrain');
	expect(cell('commune')).toBe('Romorantin-Lanthenay');
	expect(cell('lieu_entretien')).toBe('Marché du samedi');
	expect(cell('Q1')).toBe('Autre');
	expect(cell('Q1_autre')).toBe('Transport solidaire');
	expect(cell('Q2')).toBe('Une navette le samedi matin; « depuis » les hameaux');
	expect(header).not.toContain('code_suivi');

	const xlsx = await page.request.get(`${base}/export.xlsx`);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await xlsx.body()) as never);
	expect(workbook.getWorksheet('Dictionnaire')!.getCell('A1').value).toBe('colonne');
	expect(workbook.getWorksheet('Réponses')!.rowCount).toBe(2);

	// The free-text answer is there to read, and waits as a contribution.
	await page.goto(`${base}/reponses-libres?q=navette`);
	await a11y.check();
	await expect(page.getByText(/Une navette le samedi matin/)).toBeVisible();
});

test('une question déjà répondue ne change plus de structure', async ({ page, a11y }) => {
	const consultation = demoConsultation('mon-avis-citoyen-2023-habitants');
	const question = demoQuestion('mon-avis-citoyen-2023-habitants', 'Pour quelles raisons ?');
	await page.goto(`/admin/consultations/${consultation}/questionnaire`);
	await a11y.check();
	await expect(page.getByText(/le questionnaire est verrouillé/)).toBeVisible();
	await expect(page.getByRole('button', { name: /Supprimer/ })).toHaveCount(0);
	await page.goto(`/admin/consultations/${consultation}/questions/${question}`);
	await a11y.check();
	await page.getByLabel('Propositions, une par ligne').fill('Une seule proposition\nEt une autre');
	await page.getByRole('button', { name: 'Enregistrer la question' }).click();
	await expect(page.getByRole('alert')).toContainText('seules les formulations');
	await a11y.check();
});
