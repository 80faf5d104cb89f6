import { test, expect, logIn, DEMO_ROLES } from './support/fixtures';

for (const role of DEMO_ROLES) {
	test(`connexion du compte de démonstration ${role}`, async ({ page, a11y }) => {
		await logIn(page, a11y, `${role}@concerto.test`);
		await expect(page).toHaveURL(['habitant', 'membre'].includes(role) ? '/compte' : '/admin');
		await a11y.check();
	});
}

test.describe('connexion sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('un formulaire vide donne des erreurs en français, reliées aux champs', async ({
		page,
		a11y
	}) => {
		await page.goto('/connexion');
		await a11y.check();
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Se connecter' }).click()
		]);
		expect(response.status()).toBe(400);
		await expect(
			page.getByRole('heading', { name: 'Le formulaire contient 2 erreurs' })
		).toBeVisible();
		const email = page.getByLabel('Adresse e-mail');
		await expect(email).toHaveAttribute('aria-invalid', 'true');
		await expect(email).toHaveAccessibleDescription(/Indiquez une adresse e-mail/);
		await a11y.check();
	});

	test('un mauvais mot de passe ne dit pas si le compte existe, et n’est pas renvoyé', async ({
		page,
		a11y
	}) => {
		for (const email of ['admin@concerto.test', 'personne@concerto.test']) {
			await logIn(page, a11y, email, 'mauvais-mot-de-passe');
			await expect(page.getByRole('alert')).toContainText(
				'Adresse e-mail ou mot de passe incorrect.'
			);
			await expect(page.getByLabel(/^Mot de passe/)).toHaveValue('');
			await a11y.check();
		}
	});

	test('un agent se connecte, arrive dans l’administration, puis se déconnecte', async ({
		page,
		a11y
	}) => {
		await logIn(page, a11y, 'agent@concerto.test');
		await expect(page).toHaveURL('/admin');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
		await a11y.check();
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL('/');
		await a11y.check();
		const response = await page.goto('/admin');
		expect(response?.url()).toContain('/connexion?redirectTo=%2Fadmin');
		await a11y.check();
	});
});

test('avec JavaScript, la connexion ramène à la page demandée', async ({ page, a11y }) => {
	await page.goto('/admin/journal');
	await expect(page).toHaveURL(/\/connexion\?redirectTo=/);
	await a11y.check();
	await page.getByLabel('Adresse e-mail').fill('admin@concerto.test');
	await page.getByLabel(/^Mot de passe/).fill('demo-concerto-41');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/admin/journal');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal des modifications');
	await a11y.check();
});
