// The residents' journeys of issue 15, as a resident walks them: from the home
// page to the open consultation, an answer that cannot be ticked with others,
// a registration changed and cancelled with its link, the panel recognised
// from the account and corrected by the person herself.
import { test, expect, authFile, type A11y } from './support/fixtures';
import { firstLink, startSmtpServer, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';

const SLUG = '/consultations/mon-avis-citoyen-2026';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
});
test.afterAll(() => smtp.close());

/** Answers the first two steps of « Mon avis citoyen 2026 » and reaches the profile step. */
async function reachProfileStep(page: import('@playwright/test').Page, a11y: A11y) {
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
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByText('Étape 3 sur 3')).toBeVisible();
}

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('la page d’accueil mène droit à la consultation ouverte et aux prochains rendez-vous', async ({
		page,
		a11y
	}) => {
		await page.goto('/');
		await a11y.check();
		await expect(page.getByRole('link', { name: /^Tout l’agenda/ })).toBeVisible();
		await expect(page.getByText(/Prochains rendez-vous/)).toBeVisible();
		await page.getByRole('link', { name: /^Répondre à «\sMon avis citoyen 2026/ }).click();
		await expect(page).toHaveURL(SLUG);
		await a11y.check();
	});

	test('« Aucune de ces situations » ne se coche pas avec une autre situation', async ({
		page,
		a11y
	}) => {
		await reachProfileStep(page, a11y);
		await a11y.check();
		const situations = page.getByRole('group', { name: /l’une de ces situations/ });
		await situations.getByLabel('En emploi').check();
		await situations.getByLabel('Aucune de ces situations').check();
		await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
		await expect(
			page
				.getByText(/«\sAucune de ces situations\s» ne peut pas être cochée avec une autre/)
				.first()
		).toBeVisible();
		await a11y.check();
	});

	test('une inscription se change puis s’annule avec son lien, et l’annulation est confirmée', async ({
		page,
		a11y
	}) => {
		const email = `ines.${Date.now()}@exemple.fr`;
		await page.goto('/agenda/atelier-numerique-romorantin');
		await a11y.check();
		await page.getByLabel('Nom et prénom').fill('Inès Durand');
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Un transport pour venir').check();
		await page.getByLabel(/J’accepte que le Département garde/).check();
		await page.getByRole('button', { name: /^M’inscrire/ }).click();
		// The confirmation comes first, where the page opens, and names her need.
		const status = page.getByRole('status').first();
		await expect(status).toContainText(
			'Vous nous avez dit avoir besoin de : un transport pour venir'
		);
		expect(await status.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(600);
		await a11y.check();

		const mail = await smtp.waitForMail(email);
		expect(mail.text).toMatch(/^Bonjour Inès Durand,/);
		const link = /https?:\/\/\S+(\/inscriptions\/[a-z2-7]{32})/.exec(mail.text)![1];
		await page.goto(link);
		await a11y.check();
		await expect(page.getByLabel('Un transport pour venir')).toBeChecked();
		await page.getByLabel('Une garde pour mes enfants').check();
		await page.getByLabel('Téléphone (facultatif)').fill('06 11 22 33 44');
		await page.getByRole('button', { name: 'Enregistrer les changements' }).click();
		await expect(page.getByRole('status')).toContainText('C’est changé');
		await expect(page.getByLabel('Une garde pour mes enfants')).toBeChecked();
		await expect(page.getByLabel('Téléphone (facultatif)')).toHaveValue('06 11 22 33 44');
		await a11y.check();

		await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
		await expect(page.getByText(/est annulée/)).toBeVisible();
		await a11y.check();
		const cancelled = await smtp.waitForMail(email, 10_000, /^Inscription annulée/);
		expect(cancelled.text).toMatch(/^Bonjour Inès Durand,/);
	});
});

test.describe('une habitante sans compte, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('crée son compte, choisit son mot de passe par le lien reçu et arrive connectée', async ({
		page,
		a11y
	}) => {
		const email = `nadia.${Date.now()}@exemple.fr`;
		await page.goto('/connexion');
		await a11y.check();
		await page.getByRole('link', { name: 'Créer un compte' }).click();
		await a11y.check();
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await a11y.check();
		await page.getByLabel('Votre nom').fill('Nadia Benali');
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await expect(page.getByRole('status')).toContainText('nous venons d’envoyer un message');
		await a11y.check();
		const welcome = await smtp.waitForMail(email);
		expect(welcome.text).toMatch(/^Bonjour Nadia Benali,/);
		await page.goto(firstLink(welcome.text));
		await a11y.check();
		const password = 'un-mot-de-passe-assez-long';
		await page.getByLabel('Nouveau mot de passe').fill(password);
		await page.getByLabel('Confirmation du mot de passe').fill(password);
		await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
		await expect(page).toHaveURL('/compte?info=mot-de-passe');
		await a11y.check();
		await expect(page.getByRole('link', { name: 'Mes contributions' })).toBeVisible();
	});
});

test.describe('avec JavaScript', () => {
	test('cocher « Aucune de ces situations » décoche les autres, et l’inverse', async ({
		page,
		a11y
	}) => {
		await reachProfileStep(page, a11y);
		await a11y.check();
		const situations = page.getByRole('group', { name: /l’une de ces situations/ });
		await situations.getByLabel('En emploi').check();
		await situations.getByLabel('Retraité·e').check();
		await situations.getByLabel('Aucune de ces situations').check();
		await expect(situations.getByLabel('En emploi')).not.toBeChecked();
		await expect(situations.getByLabel('Retraité·e')).not.toBeChecked();
		await situations.getByLabel('En emploi').check();
		await expect(situations.getByLabel('Aucune de ces situations')).not.toBeChecked();
	});
});

test.describe('une membre du panel connectée, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('membre') });

	test('retrouve son inscription au panel depuis son compte, la comprend et la corrige', async ({
		page,
		a11y
	}) => {
		await page.goto('/compte');
		await a11y.check();
		await expect(page.getByText(/Vous faites partie du panel/)).toBeVisible();
		await page.getByRole('button', { name: 'Voir ou corriger mon inscription au panel' }).click();
		await expect(page).toHaveURL(/\/panel\/inscription\/[a-z2-7]{32}$/);
		await expect(page.getByRole('heading', { name: 'Mon inscription au panel' })).toBeVisible();
		await a11y.check();
		// Her pseudonym, explained; her status in plain words; no version codes.
		await expect(page.getByText(/^P-[2-9A-HJ-NP-Z]{4}-/)).toBeVisible();
		await expect(page.getByText(/vous pouvez vérifier si vous avez été/)).toBeVisible();
		await expect(page.getByText(/Vous êtes membre du panel/)).toBeVisible();
		await expect(page.getByText(/texte panel-/)).toHaveCount(0);

		await page
			.getByRole('group', { name: 'Quand êtes-vous disponible ?' })
			.getByLabel('Le samedi')
			.check();
		await page.getByRole('button', { name: 'Enregistrer mes corrections' }).click();
		await expect(page.getByRole('status')).toContainText('C’est corrigé');
		await expect(page.getByText(/Le samedi/).first()).toBeVisible();
		await a11y.check();

		await page.goto('/panel');
		await a11y.check();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le panel départemental');
		await expect(page.getByText(/Vous faites partie du panel/)).toBeVisible();
	});
});

test.describe('une habitante connectée hors du panel', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('habitant') });

	test('trouve le formulaire du panel déjà rempli de son nom et de son adresse', async ({
		page,
		a11y
	}) => {
		await page.goto('/panel');
		await a11y.check();
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue('habitant@concerto.test');
		await expect(page.getByLabel('Prénom')).toHaveValue('Jeanne');
	});
});

test.describe('une chargée de participation, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('agent') });

	test('ajoute un groupe de synonymes, et la recherche du schéma s’en sert', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin/fiches');
		await a11y.check();
		await page.getByRole('link', { name: 'Synonymes de la recherche' }).click();
		await a11y.check();
		const box = page.getByLabel('Groupes de mots');
		await box.fill(`${await box.inputValue()}\nseul`);
		await page.getByRole('button', { name: 'Enregistrer les synonymes' }).click();
		await expect(page.getByText(/«\sseul\s» n’a qu’un mot/)).toBeVisible();
		await a11y.check();
		await box.fill(`${(await box.inputValue()).replace(/\nseul$/, '')}\nzouave, répit`);
		await page.getByRole('button', { name: 'Enregistrer les synonymes' }).click();
		await expect(page.getByRole('status')).toContainText('Synonymes enregistrés');
		await a11y.check();

		await page.goto('/schema?q=zouave');
		await a11y.check();
		await expect(page.getByRole('heading', { level: 2, name: /correspondant/ })).not.toContainText(
			'Aucune'
		);
		await page.goto('/admin/fiches/synonymes');
		await page.getByRole('button', { name: 'Rétablir les groupes proposés' }).click();
		await expect(page.getByRole('status')).toContainText('rétablis');
		await a11y.check();
	});
});
