// A whole account's life through real e-mail: an administrator creates it,
// its owner follows the invitation, forgets the password, resets it,
// exports their data and deletes the account.
import { readFileSync } from 'node:fs';
import { test, expect, authFile, logIn } from './support/fixtures';
import { startSmtpServer, firstLink, type TestSmtpServer } from './support/smtp';
import { workerSmtpPort } from './support/worker-server';

let smtp: TestSmtpServer;
test.beforeAll(async () => {
	smtp = await startSmtpServer(workerSmtpPort());
});
test.afterAll(() => smtp.close());

const email = `lea.${Date.now()}@exemple.fr`;
const firstPassword = 'premier mot de passe de Léa';
const secondPassword = 'second mot de passe de Léa';

test.describe.configure({ mode: 'serial' });

test.describe('l’administrateur crée le compte', () => {
	test.use({ storageState: authFile('admin'), javaScriptEnabled: false });

	test('sans JavaScript, avec une erreur d’abord', async ({ page, a11y }) => {
		await page.goto('/admin/utilisateurs/nouveau');
		await a11y.check();
		await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
		await page.getByLabel('Nom affiché').fill('Léa Martin');
		await page.getByLabel('Rôle').selectOption('agent');
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		await expect(page.getByRole('alert')).toContainText('Indiquez une adresse e-mail valide');
		await expect(page.getByLabel('Nom affiché')).toHaveValue('Léa Martin');
		await expect(page.getByLabel('Rôle')).toHaveValue('agent');
		await a11y.check();

		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		await expect(page.getByRole('status').first()).toContainText(`Le compte de ${email} est créé`);
		await a11y.check();

		await page.goto('/admin/utilisateurs/nouveau');
		await page.getByLabel('Adresse e-mail').fill(email.toUpperCase());
		await page.getByLabel('Nom affiché').fill('Doublon');
		await page.getByLabel('Rôle').selectOption('agent');
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		await expect(page.getByRole('alert')).toContainText('Un compte existe déjà avec cette adresse');
		await a11y.check();
	});
});

test('la personne suit l’invitation reçue par courriel et choisit son mot de passe', async ({
	page,
	a11y
}) => {
	const invitation = await smtp.waitForMail(email);
	expect(invitation.subject).toBe('Votre compte Concerto est prêt');
	await page.goto(firstLink(invitation.text));
	await a11y.check();
	await page.getByLabel('Nouveau mot de passe').fill('court');
	await page.getByLabel('Confirmation du mot de passe').fill('autre');
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await expect(
		page.getByText('Le mot de passe doit compter au moins 12 caractères.').first()
	).toBeVisible();
	await a11y.check();
	await page.getByLabel('Nouveau mot de passe').fill(firstPassword);
	await page.getByLabel('Confirmation du mot de passe').fill(firstPassword);
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await expect(page).toHaveURL('/compte?info=mot-de-passe');
	await expect(page.getByRole('status').first()).toContainText(
		'nouveau mot de passe est enregistré'
	);
	await a11y.check();
});

test('mot de passe oublié : le lien arrive par SMTP et ne sert qu’une fois', async ({
	page,
	a11y
}) => {
	await page.goto('/mot-de-passe-oublie');
	await a11y.check();
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	await expect(page.getByRole('status')).toContainText(`Si un compte existe pour ${email}`);
	await a11y.check();

	let reset = smtp.received.find(
		(m) => m.to === email && m.subject === 'Choisir un nouveau mot de passe'
	);
	await expect
		.poll(() => {
			reset = smtp.received.find(
				(m) => m.to === email && m.subject === 'Choisir un nouveau mot de passe'
			);
			return reset !== undefined;
		})
		.toBe(true);
	const link = firstLink(reset!.text);
	await page.goto(link);
	await a11y.check();
	await page.getByLabel('Nouveau mot de passe').fill(secondPassword);
	await page.getByLabel('Confirmation du mot de passe').fill(secondPassword);
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await expect(page).toHaveURL('/compte?info=mot-de-passe');
	await a11y.check();

	const again = await page.goto(link);
	expect(again?.status()).toBe(400);
	await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
	await a11y.check();
});

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('la personne exporte ses données puis supprime son compte', async ({ page, a11y }) => {
		await logIn(page, a11y, email, secondPassword);
		await expect(page).toHaveURL('/admin');
		await a11y.check();
		await page.goto('/compte');
		await a11y.check();

		await page.getByLabel('Nom affiché').fill('Léa Martin-Rossi');
		await page.getByRole('button', { name: 'Enregistrer mon nom' }).click();
		await expect(page.getByRole('status').first()).toContainText('Votre nom a été enregistré.');
		await a11y.check();

		await page.getByRole('link', { name: 'Voir toutes mes données' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toutes mes données');
		await expect(page.getByRole('region', { name: 'Compte' })).toContainText('Léa Martin-Rossi');
		await expect(page.getByText(/réponses aux questionnaires anonymes/)).toBeVisible();
		await a11y.check();
		await page.goto('/compte');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Les télécharger (JSON)' }).click()
		]);
		const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(exported.account).toMatchObject({
			email,
			displayName: 'Léa Martin-Rossi',
			role: 'agent'
		});
		expect(JSON.stringify(exported)).not.toContain('argon2');

		await page.getByLabel('Mot de passe, pour confirmer').fill('mauvais');
		await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
		await expect(page.getByRole('alert').first()).toContainText('Le mot de passe est incorrect.');
		await a11y.check();
		await page.getByLabel('Mot de passe, pour confirmer').fill(secondPassword);
		await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
		await expect(page).toHaveURL('/compte/supprime');
		await a11y.check();

		await logIn(page, a11y, email, secondPassword);
		await expect(page.getByRole('alert')).toContainText(
			'Adresse e-mail ou mot de passe incorrect.'
		);
		await a11y.check();
	});
});
