import { test, expect } from './support/fixtures';

const SLUG = '/consultations/mon-avis-citoyen-2026';
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

test.describe('sans JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('une habitante répond section par section, corrige une erreur, reprend avec un code et reçoit son code de suivi', async ({
		page,
		browser,
		a11y
	}) => {
		await page.goto('/consultations');
		await a11y.check();
		await page.getByRole('link', { name: /Mon avis citoyen 2026/ }).click();
		await expect(page).toHaveURL(SLUG);
		await a11y.check();
		await expect(page.getByText('Vos réponses sont anonymes.')).toBeVisible();
		await page.getByRole('button', { name: 'Commencer' }).click();

		await expect(page).toHaveURL(`${SLUG}/etape/1`);
		await expect(page.getByText('Étape 1 sur 3')).toBeVisible();
		// Without JavaScript the conditional question is shown with its « Répondez si… » note.
		await expect(
			page.getByText(/Répondez seulement si vous avez répondu «\sOui\s» à la question Q1/)
		).toBeVisible();
		await a11y.check();

		await page
			.getByRole('group', { name: /Quels sujets/ })
			.getByLabel('Se déplacer')
			.check();
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.getByRole('alert')).toContainText('Une réponse est à revoir');
		await expect(
			page.getByText('Erreur : Répondez à cette question : elle est obligatoire.')
		).toBeVisible();
		// What was typed is still there.
		await expect(page.getByLabel('Se déplacer')).toBeChecked();
		await a11y.check();

		await page
			.getByRole('group', { name: /Depuis deux ans/ })
			.getByLabel('Oui')
			.check();
		await page
			.getByRole('group', { name: /répondu à votre besoin/ })
			.getByLabel('4')
			.check();
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page).toHaveURL(`${SLUG}/etape/2`);
		await a11y.check();

		await page
			.getByLabel(/Quelle est votre idée/)
			.fill('Un minibus le mardi entre les villages et la maison des solidarités de Mer.');
		await page.getByRole('button', { name: 'Enregistrer et reprendre plus tard' }).click();
		const resumeCode = (await page.locator('.code').textContent())!.trim();
		expect(resumeCode).toMatch(CODE);
		await a11y.check();

		// On another device: the resume code brings the draft back.
		const other = await browser.newContext({ javaScriptEnabled: false });
		const phone = await other.newPage();
		await phone.goto(SLUG);
		await phone.getByLabel('Code de reprise').fill(resumeCode.toLowerCase());
		await phone.getByRole('button', { name: 'Reprendre mes réponses' }).click();
		// It opens at the first step not answered yet, and says the first device keeps the draft.
		await expect(phone).toHaveURL(`${SLUG}/etape/3?repris`);
		await expect(phone.getByRole('status')).toContainText('Elles restent aussi enregistrées');
		await expect(phone.getByText('Étape 3 sur 3')).toBeVisible();
		await phone.getByRole('button', { name: 'Précédent' }).click();
		await expect(phone.getByLabel(/Quelle est votre idée/)).toHaveValue(/Un minibus le mardi/);
		await phone.getByRole('button', { name: 'Précédent' }).click();
		await expect(
			phone.getByRole('group', { name: /répondu à votre besoin/ }).getByLabel('4')
		).toBeChecked();
		// The first device still has the same draft.
		await page.goto(`${SLUG}/etape/2`);
		await expect(page.getByLabel(/Quelle est votre idée/)).toHaveValue(/Un minibus le mardi/);
		await a11y.check();
		await phone.getByRole('button', { name: 'Suivant' }).click();
		await phone.getByRole('button', { name: 'Suivant' }).click();
		await expect(phone.getByText('Étape 3 sur 3')).toBeVisible();
		await phone.getByLabel('Dans quelle commune habitez-vous ?').selectOption({ label: 'Mer' });
		await phone.getByRole('button', { name: 'Envoyer mes réponses' }).click();
		await expect(phone).toHaveURL(`${SLUG}/merci`);
		const receipt = (await phone.locator('.code').textContent())!.trim();
		expect(receipt).toMatch(CODE);
		await expect(
			phone.getByRole('heading', { name: 'Merci pour votre participation' })
		).toBeVisible();

		// Sending again (back button, double click) creates nothing new.
		await phone.goto(`${SLUG}/etape/3`);
		await expect(phone).toHaveURL(`${SLUG}/merci`);
		await expect(phone.locator('.code')).toHaveText(receipt);
		await other.close();
	});

	test('un robot qui remplit le champ caché est refusé', async ({ page, a11y }) => {
		await page.goto(SLUG);
		await a11y.check();
		await page.locator('#site_web').fill('http://spam.example', { force: true });
		await page.getByRole('button', { name: 'Commencer' }).click();
		await expect(page.getByRole('alert')).toHaveText('Votre envoi n’a pas pu être accepté.');
		await a11y.check();
	});
});

test('avec JavaScript, la question conditionnelle apparaît quand on coche « Oui »', async ({
	page,
	a11y
}) => {
	await page.goto(SLUG);
	await a11y.check();
	await page.getByRole('button', { name: 'Commencer' }).click();
	await expect(page).toHaveURL(`${SLUG}/etape/1`);
	const conditional = page.getByRole('group', { name: /répondu à votre besoin/ });
	await expect(conditional).toBeHidden();
	await a11y.check();
	// On a small phone nothing runs off the side of the screen.
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await page
		.getByRole('group', { name: /Depuis deux ans/ })
		.getByLabel('Oui')
		.check();
	await expect(conditional).toBeVisible();
	await conditional.getByLabel('5').check();
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page).toHaveURL(`${SLUG}/etape/2`);
	await a11y.check();
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page).toHaveURL(`${SLUG}/etape/3`);
	await a11y.check();
	await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
	await expect(page).toHaveURL(`${SLUG}/merci`);
	await expect(page.locator('.code')).toHaveText(CODE);
	await a11y.check();

	// She asks for the retour of the consultation, in easy-to-read French.
	await page.getByRole('button', { name: 'Recevoir le retour' }).click();
	await a11y.check();
	await expect(page.getByRole('alert')).toContainText(
		'Donnez une adresse e-mail ou une adresse postale'
	);
	await page.getByLabel('Adresse e-mail').fill('retour.2026@exemple.fr');
	await page.getByLabel('Je préfère une version facile à lire et à comprendre.').check();
	await page.getByLabel(/pour m’envoyer le retour/).check();
	await page.getByRole('button', { name: 'Recevoir le retour' }).click();
	await a11y.check();
	await expect(page.getByRole('status')).toContainText('vous recevrez le retour');
});

test('la fiche-action renvoie aux consultations qui la concernent', async ({ page, a11y }) => {
	await page.goto('/schema/AUT-27');
	await a11y.check();
	const said = page.getByRole('region', { name: 'Ce que vous nous avez dit' });
	await expect(said.getByRole('link', { name: /Mon avis citoyen 2026/ })).toBeVisible();
	await said.getByRole('link', { name: /consultation des Loir-et-Chériens/ }).click();
	await expect(page).toHaveURL('/consultations/mon-avis-citoyen-2023-habitants/resultats');
	await a11y.check();
});

test('les résultats publiés se lisent, se filtrent et se ventilent', async ({ page, a11y }) => {
	await page.goto('/consultations');
	await a11y.check();
	await page
		.getByRole('link', {
			name: /Résultats\s:\sMon avis citoyen\s:\sconsultation des Loir-et-Chériens/
		})
		.click();
	await a11y.check();
	await expect(page.getByText('320 réponses')).toBeVisible();
	const chart = page.getByRole('img', { name: /Q1\. Avez-vous déjà été accompagné/ });
	await expect(chart).toBeVisible();
	await expect(page.getByRole('table', { name: /Données\s:\sQ1\./ })).toBeVisible();

	await page.getByLabel('Canal').selectOption({ label: 'Entretien de terrain' });
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page).toHaveURL(/canal=terrain/);
	await a11y.check();
	const total = Number((await page.locator('.total strong').textContent())!.replace(/\s/g, ''));
	expect(total).toBeGreaterThan(20);
	expect(total).toBeLessThan(320);

	await page.getByLabel('Canal').selectOption({ label: 'Tous les canaux' });
	await page.getByLabel('Ventiler par').selectOption({ label: 'Territoire' });
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page.getByRole('table', { name: 'Q1 par territoire' })).toBeVisible();
	await a11y.check();
	// No cell of the public breakdown counts 1 to 4 people.
	const cells = await page.locator('table td.number').allTextContents();
	for (const cell of cells) {
		if (/%$/.test(cell.trim())) continue; // a share, not a count of people
		const n = Number(cell.trim().split(/\s/)[0]);
		if (Number.isInteger(n)) expect(n === 0 || n >= 5, cell).toBe(true);
	}

	// Crossing two criteria is refused in public, with the reason.
	await page.getByLabel('Canal').selectOption({ label: 'Entretien de terrain' });
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page.getByRole('status')).toContainText('un seul critère à la fois');
	await a11y.check();

	await page.goto('/consultations/mon-avis-citoyen-2023-professionnels/resultats');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/pas encore publiés|introuvable|Page/
	);
	await a11y.check();
});
