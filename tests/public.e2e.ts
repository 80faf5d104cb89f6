import { test, expect } from './support/fixtures';

const publicPages = [
	{ path: '/', heading: /Votre avis compte/ },
	{ path: '/connexion', heading: 'Se connecter' },
	{ path: '/mot-de-passe-oublie', heading: 'Mot de passe oublié' },
	{ path: '/accessibilite', heading: 'Déclaration d’accessibilité' },
	{ path: '/donnees-personnelles', heading: 'Données personnelles' },
	{ path: '/mentions-legales', heading: 'Mentions légales' },
	{ path: '/parametres-affichage', heading: 'Paramètres d’affichage' },
	{ path: '/suivi', heading: 'Suivre mes contributions' },
	{ path: '/panel/tirages', heading: 'Les tirages au sort du panel' }
];

test('les pages publiques s’affichent en français et passent axe', async ({ page, a11y }) => {
	for (const { path, heading } of publicPages) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.getByRole('banner')).toBeVisible();
		await expect(page.getByRole('main')).toBeVisible();
		await expect(page.getByRole('contentinfo')).toBeVisible();
		await a11y.check();
	}
});

test('une adresse inconnue donne une page 404 en français', async ({ page, a11y }) => {
	const response = await page.goto('/cette-page-n-existe-pas');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
	await a11y.check();
});

test('le lien d’évitement est le premier élément au clavier et mène au contenu', async ({
	page,
	a11y
}) => {
	await page.goto('/');
	await a11y.check();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Aller au contenu' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#contenu')).toBeFocused();
});

test('la page reste utilisable sur un petit écran de 320 pixels', async ({ page, a11y }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/');
	await a11y.check();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('les paramètres d’affichage s’enregistrent dans un cookie et s’appliquent', async ({
		page,
		a11y
	}) => {
		await page.goto('/parametres-affichage');
		await a11y.check();
		await page.getByLabel('Très grande').check();
		await page.getByLabel(/Police adaptée à la dyslexie/).check();
		await page.getByLabel('Contraste renforcé').check();
		await page.getByRole('button', { name: 'Enregistrer mes paramètres' }).click();
		await expect(page.getByRole('status')).toContainText('enregistrés');
		await a11y.check();
		await page.goto('/');
		await a11y.check();
		const html = page.locator('html');
		await expect(html).toHaveAttribute('data-text', 'tres-grande');
		await expect(html).toHaveAttribute('data-font', 'dyslexie');
		await expect(html).toHaveAttribute('data-contrast', 'renforce');
		const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
		expect(fontSize).toBe('25px');
	});
});
