// The contributions inbox: an agent finds an idea, links it to the fiche
// the suggestions propose, records a decision with its public explanation
// and masks personal data; the pilote answers for her own fiche.
import { test, expect, authFile, logIn } from './support/fixtures';

test.describe('un agent sans JavaScript', () => {
	test.use({ storageState: authFile('agent'), javaScriptEnabled: false });

	test('trie une idée et décide de sa suite', async ({ page, a11y }) => {
		await page.goto('/admin/contributions');
		await a11y.check();
		await page.getByLabel('Rechercher').fill('medecins cabinet mobile');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText(/^[1-9]\d* contributions?$/);
		await page
			.getByRole('link', { name: /^Traiter/ })
			.first()
			.click();
		await a11y.check();
		await expect(page.locator('blockquote').first()).toContainText('cabinet mobile');

		const suggestion = page.locator('form[action="?/link"]').first();
		const ref = (await suggestion.locator('a').first().textContent())!.trim();
		await suggestion.getByRole('button', { name: /^Relier/ }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('Contribution reliée');
		await expect(page.getByRole('heading', { level: 3, name: new RegExp(ref) })).toBeVisible();

		await page.getByLabel(`Explication publique pour ${ref}`).fill('court');
		await page.getByRole('button', { name: `Enregistrer la décision pour ${ref}` }).click();
		await a11y.check();
		await expect(page.getByText('10 caractères au moins')).toBeVisible();
		await page.getByLabel(`Suite donnée pour ${ref}`).selectOption({ label: 'Nouvelle piste' });
		await page
			.getByLabel(`Explication publique pour ${ref}`)
			.fill('Un cabinet mobile sera essayé dans le sud du département en 2027.');
		await page.getByRole('button', { name: `Enregistrer la décision pour ${ref}` }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('Décision enregistrée');
		await expect(page.getByText('Nouvelle piste, le')).toBeVisible();

		await page
			.getByLabel('Texte montré au public')
			.fill('[masqué] veut des médecins dans les villages.');
		await page.getByLabel('Raison').selectOption({ label: 'Données personnelles' });
		await page.getByRole('button', { name: 'Masquer pour le public' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { name: /Texte original/ })).toBeVisible();
		await expect(page.locator('blockquote').first()).toHaveText(
			'[masqué] veut des médecins dans les villages.'
		);
	});
});

test.describe('la pilote', () => {
	test.use({ javaScriptEnabled: false });

	test('répond à une contribution reliée à sa fiche', async ({ page, a11y }) => {
		await logIn(page, a11y, 'pilote@concerto.test');
		await a11y.check();
		await page.goto('/admin/contributions');
		await a11y.check();
		const item = page.getByRole('listitem').filter({ hasText: 'AUT-28 : à décider' });
		await expect(item).toHaveCount(1);
		await item.getByRole('link', { name: /^Répondre/ }).click();
		await a11y.check();
		await page.getByLabel('Suite donnée pour AUT-28').selectOption({ label: 'Déjà en cours' });
		await page
			.getByLabel('Explication publique pour AUT-28')
			.fill('Un café des aidants ouvre déjà à Romorantin, un autre suivra à Vendôme.');
		await page.getByRole('button', { name: 'Enregistrer la décision pour AUT-28' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('Décision enregistrée');
		await expect(page.getByRole('heading', { name: /Modération/ })).toHaveCount(0);
	});
});
