// RGPD and RGAA pages: the privacy page generated from the purposes table,
// a person without an account who sees and erases their data by a mailed
// link, the back-office rights requests, the RGAA grid editor and the
// accessibility statement generated from it.
import { test, expect, authFile } from './support/fixtures';
import { startSmtpServer, firstLink, type TestSmtpServer } from './support/smtp';
import { E2E_SMTP_PORT } from '../playwright.config';
import { PURPOSES } from '../src/lib/server/privacy/purposes';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(E2E_SMTP_PORT);
});
test.afterAll(() => smtp.close());

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('la page des données personnelles dit exactement ce que la tâche de conservation applique', async ({
		page,
		a11y
	}) => {
		await page.goto('/donnees-personnelles');
		await a11y.check();
		const purposes = page.locator('section.purpose h3');
		await expect(purposes).toHaveText(PURPOSES.map((p) => p.title));
		await expect(page.getByRole('region', { name: 'Inscriptions aux événements' })).toContainText(
			'3\u00a0mois après la fin de l’événement'
		);
		await expect(page.getByRole('heading', { name: 'En facile à lire' })).toBeVisible();
		await expect(page.getByText('dpo@departement41.fr').first()).toBeVisible();
	});

	test('une personne sans compte reçoit un lien, voit ses données et les efface', async ({
		page,
		a11y
	}) => {
		await page.goto('/donnees-personnelles');
		await a11y.check();
		await page.getByRole('link', { name: /recevoir par e-mail un lien/ }).click();
		await a11y.check();
		await page.getByRole('button', { name: 'Recevoir le lien' }).click();
		await expect(page.getByText(/Indiquez une adresse e-mail valide/).first()).toBeVisible();
		await a11y.check();
		await page.getByLabel('Votre adresse e-mail').fill('panel10@exemple.fr');
		await page.getByRole('button', { name: 'Recevoir le lien' }).click();
		await expect(page.getByRole('status')).toContainText('un courriel vient d’y partir');
		await a11y.check();

		const mail = await smtp.waitForMail('panel10@exemple.fr', 10_000, /confirmez/i);
		await page.goto(new URL(firstLink(mail.text)).pathname);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos données');
		await expect(page.getByRole('region', { name: 'Panel de résident·es' })).toContainText(
			'panel10@exemple.fr'
		);
		await a11y.check();
		await page.getByRole('button', { name: 'Effacer mes données' }).click();
		await expect(page.getByRole('alert').first()).toContainText('Cochez la case');
		await page.getByLabel('Je veux effacer toutes ces données').check();
		await page.getByRole('button', { name: 'Effacer mes données' }).click();
		await expect(page.getByRole('status').first()).toContainText('C’est fait');
		await expect(page.getByText('Concerto ne garde aucune donnée')).toBeVisible();
		await a11y.check();
	});
});

test.describe('administration', () => {
	test.use({ storageState: authFile('admin') });

	test.describe('sans JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('la grille RGAA se remplit page par page et la déclaration la suit', async ({
			page,
			a11y
		}) => {
			await page.goto('/accessibilite');
			await expect(page.getByText(/l’audit n’est pas terminé/)).toBeVisible();
			await expect(page.getByRole('link', { name: 'Accessibilité : non conforme' })).toBeVisible();
			await a11y.check();

			await page.goto('/admin/accessibilite');
			await expect(page.getByText(/non testés : l’audit n’est pas terminé/)).toBeVisible();
			await a11y.check();
			await page.getByRole('link', { name: '1. Images' }).click();
			await a11y.check();
			const criterion = page.getByRole('group', { name: /^Critère 1\.1 :/ });
			await criterion.getByLabel('Agenda').selectOption('NC');
			await criterion
				.getByLabel('Notes et preuves')
				.fill('Le logo de l’agenda n’a pas d’alternative.');
			await page.getByRole('button', { name: 'Enregistrer la thématique' }).click();
			await expect(page.getByRole('status')).toContainText('Thématique enregistrée');
			await expect(
				page.getByRole('group', { name: /^Critère 1\.1 :/ }).locator('p strong')
			).toHaveText('Non conforme');
			await a11y.check();

			await page.goto('/accessibilite');
			await expect(page.getByText(/Critère 1\.1 : Chaque image porteuse/)).toContainText('Agenda');
			await a11y.check();
		});
	});

	test('une demande RGPD : retrouver la personne partout, l’effacer, garder les chiffres', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin/donnees');
		await a11y.check();
		await page.getByRole('button', { name: 'Simuler (rien n’est effacé)' }).click();
		await expect(page.getByRole('status').first()).toContainText('Simulation');
		await a11y.check();

		await page.goto('/admin/donnees/demandes');
		await a11y.check();
		await page.getByLabel('Adresse e-mail').fill('panel19@exemple.fr');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await expect(page.getByRole('heading', { name: /Ce que Concerto garde/ })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Panel de résident·es' })).toBeVisible();
		await a11y.check();
		await page
			.getByLabel('J’ai vérifié que ces données sont bien celles de la personne qui le demande')
			.check();
		await page.getByRole('button', { name: 'Effacer définitivement' }).click();
		await expect(page.getByRole('status').first()).toContainText('Effacement fait');
		await expect(page.getByText('Concerto ne garde aucune donnée')).toBeVisible();
		await a11y.check();
	});
});
