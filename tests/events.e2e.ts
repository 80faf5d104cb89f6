// An event from its creation to a waiting list that moves: registrations
// without JavaScript, mails read from a real SMTP server, the .ics parsed.
import ICAL from 'ical.js';
import { test, expect, authFile } from './support/fixtures';
import { demoEvent } from './support/demo-rows';
import { startSmtpServer, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
});
test.afterAll(() => smtp.close());

const SLUG = 'atelier-test-aidants-mer';
const stamp = Date.now();
const first = `premiere.${stamp}@exemple.fr`;
const second = `seconde.${stamp}@exemple.fr`;

test.describe('un agent', () => {
	test.use({ storageState: authFile('agent') });

	test('crée et publie un atelier d’une seule place', async ({ page, a11y }) => {
		await page.goto('/admin/evenements');
		await a11y.check();
		await page.getByRole('link', { name: 'Nouvel événement' }).click();
		await a11y.check();
		await page.getByLabel('Titre').fill('Atelier des aidants à Mer');
		await page.getByLabel('Adresse de la page').fill(SLUG);
		await page.getByLabel('Début (heure de Paris)').fill('2030-03-14T14:00');
		await page.getByLabel('Fin (heure de Paris)').fill('2030-03-14T12:00');
		await page.getByRole('button', { name: 'Créer l’événement' }).click();
		await expect(page.getByText('La fin doit venir après le début.').first()).toBeVisible();
		await a11y.check();
		await page.getByLabel('Fin (heure de Paris)').fill('2030-03-14T16:30');
		await page.getByLabel('Ou le nom d’un autre lieu').fill('Salle Jean-Moulin');
		await page.getByLabel('Commune').selectOption({ label: 'Mer' });
		await page.getByLabel('Nombre de places').fill('1');
		await page.getByLabel('Transport organisé ou remboursé').check();
		await page.getByRole('button', { name: 'Créer l’événement' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier des aidants à Mer');
		await a11y.check();
		await page.getByRole('button', { name: 'Publier dans l’agenda' }).click();
		await expect(page.getByText('L’événement est publié dans l’agenda.')).toBeVisible();
		await a11y.check();
	});
});

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('une place, puis la liste d’attente ; une annulation fait monter la suivante, prévenue par courriel', async ({
		page,
		a11y
	}) => {
		await page.goto('/agenda');
		await a11y.check();
		await page.getByRole('link', { name: 'Atelier des aidants à Mer' }).click();
		await expect(page).toHaveURL(`/agenda/${SLUG}`);
		await a11y.check();
		await expect(page.getByText('Le 14 mars 2030, de 14:00 à 16:30')).toBeVisible();
		await expect(page.getByText('Transport organisé ou remboursé')).toBeVisible();

		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByRole('alert')).toContainText('Le formulaire contient');
		await expect(page.getByText(/au moins un moyen de vous joindre/).first()).toBeVisible();
		await a11y.check();

		await page.getByLabel('Nom et prénom').fill('Paule Première');
		await page.getByLabel('Adresse e-mail').fill(first);
		await page.getByLabel('Un transport pour venir').check();
		await page.getByLabel(/J’accepte que le Département garde/).check();
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByText('Vous êtes inscrit·e.')).toBeVisible();
		await a11y.check();
		const confirmation = await smtp.waitForMail(first);
		expect(confirmation.subject).toBe('Inscription confirmée : Atelier des aidants à Mer');
		const ics = confirmation.attachments.find((a) => a.filename === 'evenement.ics')!.content;
		const event = new ICAL.Event(
			new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
		);
		const paris = new Intl.DateTimeFormat('fr-FR', {
			timeZone: 'Europe/Paris',
			dateStyle: 'short',
			timeStyle: 'short'
		});
		expect(paris.format(event.startDate.toJSDate())).toBe('14/03/2030 14:00');

		await page.goto(`/agenda/${SLUG}`);
		await expect(page.getByText(/Complet\s:/)).toBeVisible();
		await a11y.check();
		await page.getByLabel('Nom et prénom').fill('Simon Second');
		await page.getByLabel('Adresse e-mail').fill(second);
		await page.getByLabel('Une garde pour mes enfants').check();
		await page.getByLabel(/J’accepte que le Département garde/).check();
		await page.getByRole('button', { name: 'M’inscrire sur la liste d’attente' }).click();
		await expect(page.getByText(/vous êtes sur la liste d’attente/)).toBeVisible();
		await a11y.check();
		expect((await smtp.waitForMail(second)).subject).toMatch(/^Liste d’attente/);

		const cancelLink = /(https?:\/\/\S+\/inscriptions\/[a-z2-7]+)/.exec(confirmation.text)![1];
		await page.goto(new URL(cancelLink).pathname);
		await a11y.check();
		await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
		await expect(page.getByText(/est annulée/)).toBeVisible();
		await a11y.check();
		const promoted = await smtp.waitForMail(second, 10_000, /Une place s’est libérée/);
		expect(promoted.text).toContain(
			'Votre inscription à « Atelier des aidants à Mer » est confirmée'
		);
	});
});

test.describe('l’agent retrouve', () => {
	test.use({ storageState: authFile('agent') });

	test('les inscriptions et les besoins à organiser', async ({ page, a11y }) => {
		await page.goto('/admin/evenements');
		await a11y.check();
		await page.getByRole('link', { name: 'Atelier des aidants à Mer' }).click();
		await a11y.check();
		await page.getByRole('link', { name: 'Inscriptions et besoins' }).click();
		await a11y.check();
		const rows = page.getByRole('table').getByRole('row');
		await expect(rows.filter({ hasText: 'Paule Première' })).toContainText('Annulé');
		await expect(rows.filter({ hasText: 'Simon Second' })).toContainText(
			'depuis la liste d’attente'
		);
		// His childcare is to arrange; once arranged, the page says by whom and stays on his row.
		await expect(page.getByText('1 personne à rappeler pour organiser ses besoins.')).toBeVisible();
		await page.getByRole('button', { name: 'C’est organisé : Simon Second' }).click();
		await expect(page).toHaveURL(/inscriptions\?\/needs#besoins-\d+$/);
		await expect(rows.filter({ hasText: 'Simon Second' })).toContainText('✔ Organisé');
		await expect(page.getByText('tout est organisé.')).toBeVisible();
		await a11y.check();
		await page.goto(page.url().replace(/\?.*$/, ''));
		const csv = await page.request.get(page.url().replace(/inscriptions$/, 'inscriptions.csv'));
		expect((await csv.text()).charCodeAt(0)).toBe(0xfeff);

		// At the door, on a phone.
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(page.url().replace(/inscriptions$/, 'presences'));
		await a11y.check();
		await page.getByLabel('Chercher un nom').fill('simon');
		await page.getByRole('button', { name: 'Chercher' }).click();
		await a11y.check();
		await page.getByLabel('Catégorie de Simon Second').selectOption({ label: 'Habitant·e' });
		// His need shows at the door; checking him in, with JavaScript, changes his line in place.
		await expect(page.getByText('Besoins : Une garde pour mes enfants')).toBeVisible();
		await page.evaluate(() => Object.assign(window, { stillThisPage: true }));
		await page.getByRole('button', { name: 'Présent·e : Simon Second' }).click();
		await expect(page.getByText('Simon Second : présent·e.')).toBeVisible();
		await expect(page.getByText('Simon Second : présent·e.')).toBeInViewport();
		expect(await page.evaluate(() => 'stillThisPage' in window)).toBe(true);
		await expect(page).toHaveURL(/\/presences\?q=simon$/);
		await expect(page.getByLabel('Chercher un nom')).toHaveValue('simon');
		await a11y.check();
		await page.getByLabel('Nom', { exact: true }).fill('Élu du canton');
		await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Élu·e' });
		await page.getByRole('button', { name: 'Ajouter et noter présent·e' }).click();
		await expect(page.locator('.totals')).toContainText('2 participants dont 1 habitant');
		// The walk-in's confirmation shows by its form, where the officer is, which is emptied.
		await expect(page.getByText('Élu du canton ajouté·e et présent·e.')).toBeInViewport();
		await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('');
		await a11y.check();

		await page.goto(page.url().replace(/presences.*$/, 'emargement'));
		await a11y.check();
		await expect(page.getByRole('rowheader', { name: 'Simon Second' })).toBeVisible();

		await page.goto(page.url().replace(/emargement$/, 'compte-rendu'));
		await a11y.check();
		await page
			.getByLabel('Une note ou un verbatim')
			.fill('« Le répit, c’est ce qui manque le plus. »');
		await page.getByRole('button', { name: 'Ajouter la note' }).click();
		await expect(page.getByText('Note ajoutée aux contributions.')).toBeVisible();
		await a11y.check();
		await page.getByLabel('Compte rendu (Markdown)').fill('Douze aidants ont parlé du **répit**.');
		await page.getByLabel(/Publier sur la/).check();
		await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
		await expect(page.getByText('Compte rendu publié sur la page de l’événement.')).toBeVisible();
		await a11y.check();
		await page.goto(`/agenda/${SLUG}`);
		await a11y.check();
		await expect(page.getByRole('region', { name: 'Compte rendu' })).toContainText(
			'Douze aidants ont parlé du répit.'
		);

		const feed = await page.request.get('/agenda.ics');
		expect(feed.headers()['content-type']).toContain('text/calendar');
		expect(await feed.text()).toContain('SUMMARY:Atelier des aidants à Mer');
	});
});

test.describe('le programme et la tournée, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('l’université sociale montre son programme ; un atelier complet ne se choisit plus', async ({
		page,
		a11y
	}) => {
		await page.goto('/agenda/universite-sociale-nord-2027');
		await a11y.check();
		await expect(page.getByRole('table', { name: 'Programme' })).toContainText(
			'Table ronde : vieillir chez soi dans le Perche'
		);
		const workshops = page.getByRole('group', { name: 'Les ateliers que vous choisissez' });
		await expect(workshops.getByLabel(/Se déplacer sans voiture \(complet\)/)).toBeDisabled();
		await workshops.getByLabel(/Le numérique qui aide/).check();
		await workshops.getByLabel(/Aider un proche et tenir/).check();
		await page.getByLabel('Nom et prénom').fill('Rémi Atelier');
		await page.getByLabel('Téléphone').fill('02 54 12 34 56');
		await page.getByLabel(/J’accepte que le Département garde/).check();
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByText('Vous êtes inscrit·e.')).toBeVisible();
		await a11y.check();
	});

	test('la tournée dit où trouver les agents', async ({ page, a11y }) => {
		await page.goto('/agenda/tournee-aller-vers-2023');
		await a11y.check();
		const stops = page.getByRole('region', { name: 'Où trouver les agents' });
		await expect(stops.getByRole('listitem')).toHaveCount(14);
		await expect(stops).toContainText('Romorantin-Lanthenay');
	});
});

test.describe('à une étape de la tournée', () => {
	test.use({ storageState: authFile('agent') });

	test('l’écran de saisie connaît déjà le lieu, la commune et le jour', async ({ page, a11y }) => {
		await page.goto(`/admin/evenements/${demoEvent('tournee-aller-vers-2023')}/etapes`);
		await a11y.check();
		await expect(page.getByRole('table', { name: 'Étapes, dans l’ordre' })).toContainText(
			'Vendôme'
		);
		await page.getByRole('link', { name: /Saisir un entretien à Vendôme/ }).click();
		await a11y.check();
		await expect(page.getByLabel('Canal')).toHaveValue('terrain');
		await expect(page.getByLabel('Date de l’entretien (terrain)')).toHaveValue('2023-08-30');
		await expect(page.getByText(/Entretien de la tournée\s:\sVendôme/)).toBeVisible();
	});
});
