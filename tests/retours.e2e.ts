// The retour aux participants: an agent writes it without JavaScript, sees
// the preview with the computed figures, publishes it; anyone reads it.
import { test, expect, authFile } from './support/fixtures';
import { startSmtpServer, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
});
test.afterAll(() => smtp.close());

test.describe('un agent sans JavaScript', () => {
	test.use({ storageState: authFile('agent'), javaScriptEnabled: false });

	test('écrit, prévisualise et publie un retour', async ({ page, a11y }) => {
		await page.goto('/admin/retours');
		await a11y.check();
		await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText('au moins un événement');

		await page.getByLabel('Titre').fill('Consultation 2023 des partenaires : nos réponses');
		await page.getByLabel('Adresse de la page').fill('retour-partenaires-2023');
		await page
			.getByLabel('Consultation dont le retour rend compte')
			.selectOption({ label: 'Mon avis citoyen : consultation des partenaires institutionnels' });
		await page
			.getByLabel('Le retour', { exact: true })
			.fill('## Merci\n\nVos réponses ont **compté**.');
		await page.getByLabel(/version facile à lire/).fill('Merci pour vos réponses.');
		await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Consultation 2023 des partenaires : nos réponses'
		);
		const preview = page.getByRole('region', { name: 'Aperçu' });
		await expect(preview.locator('strong')).toHaveText('compté');
		await expect(preview).toContainText(/\d+ réponses? à la consultation/);

		await page.getByRole('button', { name: 'Publier sur /retours' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText('Retour publié.');
		await page.getByRole('link', { name: 'page publique' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Consultation 2023 des partenaires : nos réponses'
		);
		await expect(page.getByRole('region', { name: 'En facile à lire' })).toContainText(
			'Merci pour vos réponses.'
		);
		await page.goto('/retours');
		await a11y.check();
		await expect(page.getByRole('link', { name: /partenaires\s:\snos réponses/ })).toBeVisible();
		await page.getByRole('link', { name: /ce que nous avons fait de vos idées/ }).click();
		await a11y.check();
		await expect(page.getByRole('table', { name: 'La suite donnée aux idées' })).toBeVisible();
	});

	test('envoie le retour de la consultation 2026 à qui l’a demandé', async ({
		page,
		browser,
		a11y
	}) => {
		// A resident answers and asks for the retour (the test makes what it needs).
		const resident = await browser.newContext({ javaScriptEnabled: false });
		const answering = await resident.newPage();
		await answering.goto('/consultations/mon-avis-citoyen-2026');
		const next = async (button: string, url: RegExp) => {
			await answering.getByRole('button', { name: button }).click();
			await expect(answering).toHaveURL(url);
		};
		await next('Commencer', /etape\/1$/);
		await answering
			.getByRole('group', { name: /Depuis deux ans/ })
			.getByLabel('Non')
			.check();
		await next('Suivant', /etape\/2$/);
		await next('Suivant', /etape\/3$/);
		await next('Envoyer mes réponses', /merci$/);
		await answering.getByLabel('Adresse e-mail').fill('retour.envoi@exemple.fr');
		await answering.getByLabel(/version facile à lire/).check();
		await answering.getByLabel(/pour m’envoyer le retour/).check();
		await answering.getByRole('button', { name: 'Recevoir le retour' }).click();
		await expect(answering.getByRole('status')).toContainText('vous recevrez le retour');
		await resident.close();

		await page.goto('/admin/retours');
		await a11y.check();
		await page.getByLabel('Titre').fill('Mon avis citoyen 2026 : nos premières réponses');
		await page.getByLabel('Adresse de la page').fill('mon-avis-citoyen-2026-retour');
		await page
			.getByLabel('Consultation dont le retour rend compte')
			.selectOption({ label: 'Mon avis citoyen 2026 : vos priorités pour les solidarités' });
		await page.getByLabel('Le retour', { exact: true }).fill('Merci pour vos priorités.');
		await page.getByLabel(/version facile à lire/).fill('Merci. Nous avons lu vos idées.');
		await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
		await a11y.check();
		await page.getByRole('button', { name: 'Publier sur /retours' }).click();
		await a11y.check();
		await page.getByRole('button', { name: 'Envoyer le retour' }).click();
		await a11y.check();
		await expect(page.getByText(/préparés?\s:\s\d+ courriels? partis?/)).toBeVisible();
		await expect(page.getByText(/Courriels\s:\s(\d+) envoyés sur \1/)).toBeVisible();
		const mail = await smtp.waitForMail(
			'retour.envoi@exemple.fr',
			10_000,
			/nos premières réponses/
		);
		expect(mail.text).toContain('Merci. Nous avons lu vos idées.');
		const unsubscribe = new URL(mail.text.match(/https?:\/\/\S+\/retours\/desabonnement\/\w+/)![0]);
		await page.goto(unsubscribe.pathname);
		await a11y.check();
		await page.getByRole('button', { name: 'Ne plus recevoir de retours' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('C’est fait');
	});
});
