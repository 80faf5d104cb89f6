// The officers' journeys of issue 16, as the participation team, a pilote and
// an administrator walk them: each opens on their own to-do list.
import { test, expect, authFile } from './support/fixtures';

for (const [role, sections] of [
	['agent', ['Participation']],
	['pilote', ['Vos fiches-actions']],
	['admin', ['Participation', 'Administration']]
] as const) {
	test.describe(`tableau de bord : ${role}`, () => {
		test.use({ javaScriptEnabled: false, storageState: authFile(role) });

		test('ouvre sur ce qui est à faire, avec les nombres et les liens', async ({ page, a11y }) => {
			await page.goto('/admin');
			await a11y.check();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
			await expect(page.getByRole('heading', { level: 2 })).toHaveText([...sections]);
			const first = page.locator('[data-todo] > a').first();
			await expect(first).toHaveText(/^\d+\s\S/);
			const target = await first.getAttribute('href');
			await first.click();
			await a11y.check();
			expect(new URL(page.url()).pathname).toBe(target!.split('?')[0]);
		});
	});
}

test.describe('tableau de bord des chargés de participation', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('agent') });

	test('les contributions nouvelles mènent à la boîte filtrée sur les nouvelles', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin');
		await a11y.check();
		const fresh = page.locator('[data-todo="contributions-nouvelles"] > a');
		const count = Number((await fresh.locator('.todo-count').textContent())!.replace(/\D/g, ''));
		await fresh.click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText(new RegExp(`^${count} contributions?$`));
		await expect(page.getByLabel('État', { exact: true })).toHaveValue('nouvelle');
	});
});

test.describe('journal des modifications', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('admin') });

	test('chaque modification est une phrase, filtrée par personne, action et dates, et s’exporte', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin/journal');
		await a11y.check();
		await expect(page.locator('.journal-entry').first()).not.toContainText(/[{}"]/);
		await page
			.getByLabel('Action')
			.selectOption({ label: '… a importé le schéma des fiches-actions' });
		await page
			.getByLabel('Personne')
			.selectOption({ label: 'Système (imports, tâches automatiques)' });
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText(/^[1-9]\d* modifications?$/);
		await expect(page.locator('.journal-entry').first()).toContainText(
			'Système a importé le schéma des fiches-actions.'
		);
		const csvLink = page.getByRole('link', { name: 'Télécharger ces modifications (CSV)' });
		const csv = await page.request.get(
			new URL((await csvLink.getAttribute('href'))!, page.url()).href
		);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const body = await csv.text();
		expect(body.split('\n')[0]).toContain('date (heure de Paris)');
		expect(body).toContain('Système a importé le schéma des fiches-actions.');
		expect(body).not.toContain('a modifié la fiche-action');

		await page.getByLabel('Du', { exact: true }).fill('2000-01-02');
		await page.getByLabel('Au (inclus)').fill('2000-01-01');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText(
			'La date de fin est avant la date de début'
		);
		await expect(page.getByText('Aucune modification ne correspond à ces filtres.')).toBeVisible();
	});
});

test.describe('éditeur de questions, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('agent') });

	test('l’adresse vient du titre, les dates d’un début de journée, et chaque type montre ses seuls réglages', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin/consultations/nouvelle');
		await a11y.check();
		await expect(page.getByLabel('Ouverture (heure de Paris)')).toHaveValue(/T00:00$/);
		await expect(page.getByLabel('Clôture (heure de Paris)')).toHaveValue(/T23:59$/);
		await page.getByLabel('Titre').fill('Atelier « répit » à Vendôme');
		await page.getByRole('button', { name: 'Créer la consultation' }).click();
		await expect(page).toHaveURL(/\/admin\/consultations\/\d+\/questionnaire$/);
		await a11y.check();
		const base = page.url().replace(/\/questionnaire$/, '');
		await page.goto(base);
		await a11y.check();
		await expect(page.getByLabel('Adresse de la consultation')).toHaveValue(
			'atelier-repit-a-vendome'
		);

		await page.goto(`${base}/questionnaire`);
		const adding = page.locator('details', { hasText: 'Ajouter une question à la section 1' });
		await adding.locator('summary').click();
		await expect(adding.getByLabel('Propositions, une par ligne')).toBeVisible();
		await adding.getByLabel('Type de question').selectOption({ label: 'Échelle' });
		await adding.getByRole('button', { name: 'Choisir ce type' }).click();
		await a11y.check();
		const scale = page.locator('details[open]', { hasText: 'Ajouter une question à la section 1' });
		await expect(scale.getByLabel('Type de question')).toHaveValue('echelle');
		await expect(scale.getByLabel('Propositions, une par ligne')).toHaveCount(0);
		await scale.getByLabel('Question (obligatoire)').fill('Votre confiance, de 1 à 5 ?');
		await scale.getByRole('button', { name: 'Ajouter la question' }).click();
		await expect(page.getByText('Question ajoutée.')).toBeVisible();
		await a11y.check();
		await expect(page.getByLabel('Valeur la plus basse')).toBeVisible();
		await expect(page.getByLabel('Mot pour la valeur haute')).toBeVisible();
		await expect(page.getByLabel('Propositions, une par ligne')).toHaveCount(0);
		await expect(page.getByLabel('Ajouter « Autre, précisez »')).toHaveCount(0);

		await page.getByLabel('Type de question').selectOption({ label: 'Choix multiple' });
		await page.getByRole('button', { name: 'Afficher les réglages de ce type' }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('Nouveau type : Choix multiple');
		await expect(page.getByLabel('Valeur la plus basse')).toHaveCount(0);
		await page.getByLabel('Propositions, une par ligne').fill('Le matin\nL’après-midi\nAucun');
		await page.getByLabel('La dernière proposition exclut les autres').check();
		await page.getByRole('button', { name: 'Enregistrer la question' }).click();
		await a11y.check();
		await expect(page.getByText('La question est enregistrée.')).toBeVisible();
		await expect(page.getByLabel('Type de question')).toHaveValue('choix_multiple');
		await expect(page.getByLabel('Nombre de réponses au plus (facultatif)')).toBeVisible();
	});
});

test.describe('tirages au sort, sans JavaScript', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('agent') });

	test('trop de sièges est refusé avant le calcul ; 0 % et 100 % sont expliqués et demandent confirmation', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin/panel/tirages/nouveau?statut=actif&sieges=9999&critere=genre');
		await a11y.check();
		await expect(page.getByRole('alert')).toContainText(/9999 sièges pour \d+ volontaires/);
		await expect(page.getByRole('button', { name: 'Calculer la loterie' })).toHaveCount(0);

		await page.goto('/admin/panel/tirages/nouveau?statut=actif&sieges=1&critere=genre');
		await a11y.check();
		const firstRow = page.getByRole('table').locator('tbody tr').first();
		const value = (await firstRow.locator('th').textContent())!.trim();
		const pool = Number((await firstRow.locator('td.number').first().textContent())!.trim());
		await page.goto(`/admin/panel/tirages/nouveau?statut=actif&sieges=${pool}&critere=genre`);
		await a11y.check();
		await page.getByLabel('Titre du tirage').fill('Tirage déséquilibré');
		const rows = page.getByRole('table').locator('tbody tr');
		for (let i = 0; i < (await rows.count()); i++) {
			const bound = i === 0 ? String(pool) : '0';
			await rows
				.nth(i)
				.getByLabel(/^Minimum pour/)
				.fill(bound);
			await rows
				.nth(i)
				.getByLabel(/^Maximum pour/)
				.fill(bound);
		}
		await page.getByLabel('Une seule personne par foyer (même adresse postale)').uncheck();
		await page.getByRole('button', { name: 'Calculer la loterie' }).click();
		await a11y.check();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('confirmez pour publier ce tirage tel quel');
		await expect(alert).toContainText(`Genre = ${value} » demande au moins`);
		await expect(page.getByLabel('Titre du tirage')).toHaveValue('Tirage déséquilibré');
		await page.getByLabel(/J’ai lu ces avertissements/).check();
		await page.getByRole('button', { name: 'Calculer la loterie' }).click();
		await expect(page).toHaveURL(/\/admin\/panel\/tirages\/\d+$/);
		await a11y.check();
		await expect(
			page.getByText('Des volontaires ont 0 % ou 100 % de chances dans ce tirage')
		).toBeVisible();
		await page.goto(page.url().replace('/admin/panel', '/panel'));
		await a11y.check();
		await expect(
			page.getByText(/0\s%\s: avec ces quotas, des volontaires n’avaient aucune chance/)
		).toBeVisible();
	});
});

test.describe('la fiche d’un pilote', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('pilote') });

	test('montre ce que les habitants en ont dit, les décisions à prendre et l’historique du statut', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin');
		await a11y.check();
		// The demo pilote's fiche; other tests may already have decided its contributions.
		await page.goto('/admin/fiches/AUT-28');
		await a11y.check();
		const said = page.getByRole('region', { name: 'Ce que les habitants en ont dit' });
		await expect(said).toContainText(/\d+\sà décider/);
		await expect(said.locator('blockquote').first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Historique du statut' })).toBeVisible();
		await expect(page.locator('.timeline li').first()).toBeVisible();
		const decide = said.getByRole('link', { name: /^Décider de la suite/ });
		if ((await decide.count()) > 0) {
			await decide.first().click();
			await a11y.check();
			await expect(page).toHaveURL(/\/admin\/contributions\/\d+$/);
			await expect(page.getByLabel(/^Suite donnée pour/).first()).toHaveValue('');
		}
	});
});

test.describe('présences à la porte, sur un téléphone et sans JavaScript', () => {
	test.use({
		javaScriptEnabled: false,
		storageState: authFile('agent'),
		viewport: { width: 360, height: 740 }
	});

	test('noter une présence revient sur la personne, avec ses besoins, sans remonter en haut', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin');
		await a11y.check();
		const needs = page.locator('[data-todo="besoins"]');
		const link = needs.locator('ul a').first();
		const href = (await link.count())
			? await link.getAttribute('href')
			: await needs.locator('> a').getAttribute('href');
		await page.goto(href!.replace(/inscriptions$/, 'presences'));
		await a11y.check();
		await expect(page.getByText(/^Besoins\s:/).first()).toBeVisible();
		const line = page
			.locator('li[id^="personne-"]')
			.filter({ has: page.getByRole('button', { name: /^Présent·e/ }) })
			.last();
		const id = await line.getAttribute('id');
		await line.getByRole('button', { name: /^Présent·e/ }).click();
		await a11y.check();
		await expect(page).toHaveURL(new RegExp(`\\?/checkIn#${id}$`));
		await expect(page.locator(`#${id}`).getByRole('status')).toContainText('présent·e');
		await expect(page.locator(`#${id}`)).toBeInViewport();
	});
});

test.describe('questionnaire papier', () => {
	test.use({ storageState: authFile('agent') });

	test('s’imprime sur toute la largeur d’une page A4, en deux pages au plus pour huit questions', async ({
		page,
		a11y
	}) => {
		await page.goto('/admin/consultations');
		await a11y.check();
		await page
			.getByRole('link', { name: /Mon avis citoyen 2026/ })
			.first()
			.click();
		await a11y.check();
		await page.goto(page.url().replace(/\/?$/, '/papier'));
		await a11y.check();
		await expect(page.locator('.paper-question')).toHaveCount(8);
		await page.emulateMedia({ media: 'print' });
		const sheet = await page.evaluate(() => ({
			paper: document.querySelector('.paper')!.getBoundingClientRect().width,
			page: document.documentElement.clientWidth
		}));
		expect(sheet.paper / sheet.page).toBeGreaterThan(0.9);
		const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
		const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
		expect(pages.length).toBeGreaterThanOrEqual(1);
		expect(pages.length).toBeLessThanOrEqual(2);
	});
});

test.describe('l’adresse d’un nouvel événement, avec JavaScript', () => {
	test.use({ storageState: authFile('agent') });

	test('suit le titre tant que l’agent ne l’écrit pas lui-même', async ({ page, a11y }) => {
		await page.goto('/admin/evenements/nouveau');
		await a11y.check();
		await expect(page.getByLabel('Début (heure de Paris)')).toHaveValue(/T\d{2}:00$/);
		await page.getByLabel('Titre').fill('Atelier « répit » à Mer');
		await expect(page.getByLabel('Adresse de la page')).toHaveValue('atelier-repit-a-mer');
		await expect(page.getByText('Le lien sera /agenda/atelier-repit-a-mer.')).toBeVisible();
		await page.getByLabel('Adresse de la page').fill('repit-mer');
		await page.getByLabel('Titre').fill('Atelier « répit » à Mer, le samedi');
		await expect(page.getByLabel('Adresse de la page')).toHaveValue('repit-mer');
	});
});
