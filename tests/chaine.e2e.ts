// The whole chain, without JavaScript: a resident answers a consultation
// with a free-text idea and keeps her receipt code; an officer finds it in
// the inbox, links the suggested fiche and records a decision; the
// resident's /suivi page and the fiche page show it; a retour is published
// and sent, and the mail arrives at the SMTP server started here.
import { test, expect, authFile } from './support/fixtures';
import { startSmtpServer, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
});
test.afterAll(() => smtp.close());

test.use({ javaScriptEnabled: false });

const SLUG = '/consultations/mon-avis-citoyen-2026';
const IDEA =
	'Des solutions de répit pour les aidants épuisés, quelques heures par semaine, près de chez eux.';

test('d’une idée écrite au retour reçu par courriel', async ({ page, a11y, browser }) => {
	test.setTimeout(90_000);
	await page.goto(SLUG);
	await a11y.check();
	await page.getByRole('button', { name: 'Commencer' }).click();
	await a11y.check();
	await page
		.getByRole('group', { name: /Depuis deux ans/ })
		.getByLabel('Non')
		.check();
	await page.getByRole('button', { name: 'Suivant' }).click();
	await a11y.check();
	await page.getByLabel(/Quelle est votre idée/).fill(IDEA);
	await page.getByRole('button', { name: 'Suivant' }).click();
	await a11y.check();
	await page.getByLabel('Dans quelle commune habitez-vous ?').selectOption({ label: 'Blois' });
	await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
	await a11y.check();
	const receipt = (await page.locator('.code').textContent())!.trim();
	await page.getByLabel('Adresse e-mail').fill('chaine@exemple.fr');
	await page.getByLabel(/chaque décision prise sur mes idées/).check();
	await page.getByLabel(/pour m’envoyer le retour/).check();
	await page.getByRole('button', { name: 'Recevoir le retour' }).click();
	await a11y.check();
	await expect(page.getByRole('status')).toContainText('vous recevrez le retour');

	const officerContext = await browser.newContext({
		storageState: authFile('agent'),
		javaScriptEnabled: false
	});
	const officer = await officerContext.newPage();
	await officer.goto('/admin/contributions?q=aidants+epuises+repit');
	await officer
		.getByRole('link', { name: /^Traiter/ })
		.first()
		.click();
	await expect(officer.locator('blockquote').first()).toHaveText(IDEA);
	const suggestions = officer.getByRole('group', { name: /^Cochez les fiches-actions/ });
	const ref = (await suggestions.locator('strong').first().textContent())!.trim();
	expect(ref).toMatch(/^AUT-2[6-9]$/);
	await suggestions.getByRole('checkbox').first().check();
	await officer.getByRole('button', { name: 'Relier aux fiches cochées' }).click();
	await officer.getByLabel(`Suite donnée pour ${ref}`).selectOption({ label: 'Prise en compte' });
	await officer
		.getByLabel(`Explication publique pour ${ref}`)
		.fill('Des heures de répit à domicile seront proposées dans chaque territoire en 2027.');
	await officer.getByRole('button', { name: `Enregistrer la décision pour ${ref}` }).click();
	await expect(officer.getByRole('status')).toContainText('Décision enregistrée');

	await page.goto(`/suivi?code=${receipt}`);
	await a11y.check();
	await expect(page.getByRole('main')).toContainText(IDEA);
	await expect(page.getByRole('main')).toContainText('Prise en compte, le');
	await expect(page.getByRole('main')).toContainText('Des heures de répit à domicile');
	await page.getByRole('link', { name: new RegExp(`^${ref}`) }).click();
	await a11y.check();
	await expect(page.getByRole('region', { name: 'Ce que vous nous avez dit' })).toContainText(IDEA);

	await officer.goto('/admin/retours');
	await officer.getByLabel('Titre').fill('Mon avis citoyen 2026 : vos idées, nos décisions');
	await officer.getByLabel('Adresse de la page').fill('chaine-2026');
	await officer
		.getByLabel('Consultation dont le retour rend compte')
		.selectOption({ label: 'Mon avis citoyen 2026 : vos priorités pour les solidarités' });
	await officer.getByLabel('Le retour', { exact: true }).fill('Vos idées ont été lues une à une.');
	await officer.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await officer.getByRole('button', { name: 'Publier sur /retours' }).click();
	await officer.getByRole('button', { name: 'Envoyer le retour' }).click();
	await expect(officer.getByRole('status').first()).toContainText('courriel');
	await officerContext.close();

	const mail = await smtp.waitForMail('chaine@exemple.fr', 15_000, /vos idées, nos décisions/);
	expect(mail.text).toContain('Vos idées ont été lues une à une.');
	expect(mail.text).toMatch(/\/retours\/chaine-2026/);
	await page.goto('/retours/chaine-2026');
	await a11y.check();
	// Fewer than 5 ideas: the published retour does not count them (disclosure control).
	await expect(page.getByText(/moins de 5 idées et remarques écrites/)).toBeVisible();
	await expect(page.getByRole('table', { name: 'La suite donnée aux idées' })).toHaveCount(0);
});
