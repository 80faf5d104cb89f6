// RGPD and RGAA pages: the privacy page generated from the purposes table,
// a person without an account who sees and erases their data by a mailed
// link, the back-office rights requests, the RGAA grid editor and the
// accessibility statement generated from it.
import { test, expect, authFile } from './support/fixtures';
import { startSmtpServer, firstLink, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';
import { PURPOSES } from '../src/lib/server/privacy/purposes';
import { DEMO_LOGO_PNG } from '../src/lib/server/demo/logo';

import { SMALL_JPEG } from './support/images';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
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
			await expect(page.getByText(/non testés\s:\sl’audit n’est pas terminé/)).toBeVisible();
			await a11y.check();
			await page.getByRole('link', { name: '1. Images' }).click();
			await a11y.check();
			const criterion = page.getByRole('group', { name: /^Critère 1\.1\s:/ });
			await criterion.getByLabel('Agenda').selectOption('NC');
			await criterion
				.getByLabel('Notes et preuves')
				.fill('Le logo de l’agenda n’a pas d’alternative.');
			await page.getByRole('button', { name: 'Enregistrer la thématique' }).click();
			await expect(page.getByRole('status')).toContainText('Thématique enregistrée');
			await expect(
				page.getByRole('group', { name: /^Critère 1\.1\s:/ }).locator('p strong')
			).toHaveText('Non conforme');
			await a11y.check();

			await page.goto('/accessibilite');
			await expect(page.getByText(/Critère 1\.1\s:\sChaque image porteuse/)).toContainText(
				'Agenda'
			);
			await a11y.check();
		});
		test('le logo de l’organisation : refusé s’il n’est pas une image sûre, montré dans l’en-tête, retiré', async ({
			page,
			request,
			a11y
		}) => {
			const header = page
				.getByRole('banner')
				.getByRole('img', { name: 'Département de Loir-et-Cher' });
			await page.goto('/');
			await a11y.check();
			await expect(header).toBeVisible();
			const demoSrc = await header.getAttribute('src');

			await page.goto('/admin/parametres');
			await a11y.check();
			const file = page.getByLabel('Nouveau logo');
			const save = page.getByRole('button', { name: 'Enregistrer le logo' });
			await file.setInputFiles({
				name: 'logo.svg',
				mimeType: 'image/svg+xml',
				buffer: Buffer.from(
					'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><script>alert(1)</script></svg>'
				)
			});
			await save.click();
			await expect(page.getByText('Erreur : Ce fichier est une image SVG')).toBeVisible();
			await expect(page.getByLabel('Nouveau logo')).toHaveAttribute('aria-invalid', 'true');
			await a11y.check();

			await page.getByLabel('Nouveau logo').setInputFiles({
				name: 'logo.jpg',
				mimeType: 'image/jpeg',
				buffer: SMALL_JPEG
			});
			await page.getByRole('button', { name: 'Enregistrer le logo' }).click();
			await expect(page.getByRole('status')).toContainText('Logo enregistré');
			await expect(page.getByText('Logo actuel : JPEG, 80 × 64 pixels.')).toBeVisible();
			await a11y.check();
			const jpegSrc = await header.getAttribute('src');
			expect(jpegSrc).not.toBe(demoSrc);
			const served = await request.get(jpegSrc!);
			expect(served.headers()['content-type']).toBe('image/jpeg');
			expect(served.headers()['cache-control']).toContain('immutable');

			await page.getByRole('button', { name: 'Retirer le logo' }).click();
			await expect(page.getByRole('status')).toContainText('Logo retiré');
			await expect(page.getByRole('banner').getByRole('img')).toHaveCount(0);
			await a11y.check();
			expect((await request.get('/logo')).status()).toBe(404);

			// Put the demonstration's logo back for whoever looks next.
			await page.getByLabel('Logo', { exact: true }).setInputFiles({
				name: 'logo.png',
				mimeType: 'image/png',
				buffer: DEMO_LOGO_PNG
			});
			await page.getByRole('button', { name: 'Enregistrer le logo' }).click();
			await expect(header).toHaveAttribute('src', demoSrc!);
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
