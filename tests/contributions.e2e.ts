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

		const suggestions = page.getByRole('group', { name: /^Cochez les fiches-actions/ });
		await expect(suggestions.getByText(/^Mots en commun\s:\s\S/).first()).toBeVisible();
		await page.getByRole('button', { name: 'Relier aux fiches cochées' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText('Cochez au moins une fiche-action');
		const refs = await suggestions.locator('strong').allTextContents();
		const ref = refs[0].trim();
		await suggestions.getByRole('checkbox').nth(0).check();
		await suggestions.getByRole('checkbox').nth(1).check();
		await page.getByRole('button', { name: 'Relier aux fiches cochées' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('Contribution reliée à 2 fiches-actions');
		await expect(page.getByRole('heading', { level: 3, name: new RegExp(ref) })).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 3, name: new RegExp(refs[1].trim()) })
		).toBeVisible();

		await expect(page.getByLabel(`Suite donnée pour ${ref}`)).toHaveValue('');
		await page.getByLabel(`Explication publique pour ${ref}`).fill('court');
		await page.getByRole('button', { name: `Enregistrer la décision pour ${ref}` }).click();
		await a11y.check();
		await expect(page.getByText('Choisissez une décision de la liste')).toBeVisible();
		await page.getByLabel(`Suite donnée pour ${ref}`).selectOption({ label: 'Nouvelle piste' });
		await page.getByLabel(`Explication publique pour ${ref}`).fill('court');
		await page.getByRole('button', { name: `Enregistrer la décision pour ${ref}` }).click();
		await a11y.check();
		await expect(page.getByText('10 caractères au moins')).toBeVisible();
		await expect(page.getByLabel(`Suite donnée pour ${ref}`)).toHaveValue('nouvelle_piste');
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

test.describe('sans JavaScript, de bout en bout', () => {
	test.use({ javaScriptEnabled: false });

	test('un message sur une fiche, sa décision, visible sur /suivi et sur la fiche', async ({
		page,
		a11y,
		browser
	}) => {
		const text = 'Mettre sur le site la carte des permanences numériques, commune par commune.';
		await page.goto('/schema/NUM-05');
		await a11y.check();
		await page.getByRole('button', { name: 'Envoyer mon message' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText('10 caractères au moins');
		await page.getByLabel('Votre idée ou votre remarque').fill(text);
		await page.getByRole('button', { name: 'Envoyer mon message' }).click();
		await a11y.check();
		const status = page.getByRole('status');
		await expect(status).toContainText('Votre code de suivi');
		const code = (await status.locator('strong').textContent())!.trim();
		expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

		await status.getByRole('link', { name: 'Suivre mes contributions' }).click();
		await a11y.check();
		await expect(page.getByRole('main')).toContainText(text);
		await expect(page.getByRole('main')).toContainText('décision à venir');

		const agent = await browser.newContext({
			storageState: authFile('agent'),
			javaScriptEnabled: false
		});
		const officer = await agent.newPage();
		await officer.goto('/admin/contributions?q=carte+permanences+numeriques');
		await officer
			.getByRole('link', { name: /^Traiter/ })
			.first()
			.click();
		await officer.getByLabel('Suite donnée pour NUM-05').selectOption({ label: 'Prise en compte' });
		await officer
			.getByLabel('Explication publique pour NUM-05')
			.fill('La carte des permanences sera en ligne avec le nouveau site, au printemps.');
		await officer.getByRole('button', { name: 'Enregistrer la décision pour NUM-05' }).click();
		await expect(officer.getByRole('status')).toContainText('Décision enregistrée');
		await agent.close();

		await page.goto(`/suivi?code=${encodeURIComponent(code.toLowerCase().replace('-', ' '))}`);
		await a11y.check();
		await expect(page.getByRole('main')).toContainText('Prise en compte, le');
		await expect(page.getByRole('main')).toContainText('au printemps');
		await page.getByRole('link', { name: /^NUM-05/ }).click();
		await a11y.check();
		const said = page.getByRole('region', { name: 'Ce que vous nous avez dit' });
		await expect(said).toContainText(text);
		await expect(said).toContainText('Prise en compte : La carte des permanences sera en ligne');

		await page.goto('/suivi?code=ZZZZ-ZZZZ');
		await a11y.check();
		await expect(page.getByText('Aucune contribution ne porte ce code')).toBeVisible();
	});
});

test.describe('une habitante connectée', () => {
	test.use({ storageState: authFile('habitant') });

	test('retrouve « Mes contributions » dans le menu', async ({ page, a11y }) => {
		await page.goto('/');
		await a11y.check();
		await page.getByRole('link', { name: 'Mes contributions' }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes contributions');
		await expect(page.getByRole('link', { name: 'Suivre mes contributions' })).toBeVisible();
	});
});

test.describe('le lien pour ne plus recevoir de nouvelles, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('ne change rien à l’ouverture, et dit quand il n’est plus valable', async ({
		page,
		a11y
	}) => {
		await page.goto('/suivi/desabonnement/lien-perime');
		await a11y.check();
		await page.getByRole('button', { name: 'Ne plus recevoir ces messages' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText('plus valable');
	});
});
