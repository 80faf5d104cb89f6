// Themes in free text (issue 19), as a participation officer works them,
// without JavaScript: asked for from a consultation's free answers, then
// renamed, validated, a contribution moved, and all of a theme's
// contributions linked to a fiche with one decision.
import type { Page } from '@playwright/test';
import { demoConsultation } from './support/demo-rows';
import { test, expect, authFile } from './support/fixtures';

/** The computation runs in the background: the officer refreshes until it is done. */
async function waitForThemes(page: Page, a11y: { check(): Promise<void> }) {
	for (let attempt = 0; attempt < 30; attempt++) {
		if (await page.getByText(/contributions analysées le/).count()) break;
		await page.waitForTimeout(300);
		await page.getByRole('link', { name: 'Actualiser la page' }).click();
	}
	await a11y.check();
	await expect(page.getByText(/contributions analysées le/)).toBeVisible();
}

test.describe('thèmes des réponses libres', () => {
	test.use({ javaScriptEnabled: false, storageState: authFile('agent') });

	test('un agent fait proposer les thèmes, les modifie, les valide et relie un thème à une fiche', async ({
		page,
		a11y
	}) => {
		const consultation = demoConsultation('mon-avis-citoyen-2023-professionnels');
		await page.goto(`/admin/consultations/${consultation}/reponses-libres`);
		await a11y.check();
		await page
			.getByRole('button', { name: /^Proposer des thèmes pour ces \d+ contributions$/ })
			.click();
		await waitForThemes(page, a11y);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/^Thèmes\s:\sRéponses libres de «\sMon avis citoyen\s:\sconsultation des professionnels/
		);
		await expect(
			page.getByRole('table', { name: 'Données : Contributions par thème' })
		).toBeVisible();
		const themes = page.locator('section.theme');
		expect(await themes.count()).toBeGreaterThanOrEqual(2);

		// Rename and validate the first theme.
		const first = themes.first();
		await first.locator('summary').click();
		await first.getByLabel('Nom du thème').fill('Être reçu près de chez soi');
		await first.getByRole('button', { name: 'Renommer' }).click();
		await a11y.check();
		const renamed = page.locator('section.theme').filter({
			has: page.getByRole('heading', { name: 'Être reçu près de chez soi' })
		});
		await expect(renamed.getByRole('status')).toHaveText('Thème renommé.');
		await renamed.locator('summary').click();
		await renamed.getByLabel('Étiquette donnée à ses contributions').fill('');
		await renamed.getByRole('button', { name: 'Valider le thème' }).click();
		await a11y.check();
		await expect(renamed.getByRole('status')).toContainText('« etre-recu-pres-de-chez-soi »');

		// Its page: who wrote it, its contributions, one moved away.
		await page.getByRole('link', { name: 'Être reçu près de chez soi', exact: true }).click();
		await a11y.check();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Être reçu près de chez soi');
		await expect(page.getByRole('table', { name: 'Territoire' })).toBeVisible();
		const members = page.locator('ol.members > li');
		const before = await members.count();
		const moved = await members.first().locator('blockquote').textContent();
		const move = members.first().getByRole('combobox', { name: /^Déplacer la contribution/ });
		await move.selectOption({ index: 1 });
		await members
			.first()
			.getByRole('button', { name: /^Déplacer/ })
			.click();
		await a11y.check();
		await expect(page.getByRole('status')).toContainText('déplacée');
		await expect(members).toHaveCount(before - 1);
		await expect(page.locator('ol.members blockquote', { hasText: moved! })).toHaveCount(0);

		// A refused link says why, and keeps what was typed.
		await page.getByLabel('Référence de la fiche-action').fill('HAB-01');
		await page.getByLabel('Explication publique').fill('Trop court');
		await page.getByRole('button', { name: /^Relier les \d+ contributions$/ }).click();
		await a11y.check();
		await expect(page.getByText('Choisissez une décision de la liste.')).toBeVisible();
		await expect(page.getByLabel('Explication publique')).toHaveValue('Trop court');

		await page.getByLabel('Suite donnée').selectOption({ label: 'Déjà en cours' });
		await page
			.getByLabel('Explication publique')
			.fill('Des permanences ouvrent dans les mairies des petites communes en 2027.');
		await page.getByRole('button', { name: /^Relier les \d+ contributions$/ }).click();
		await a11y.check();
		await expect(page.getByRole('status')).toHaveText(
			`${before - 1} contribution${before - 1 > 1 ? 's' : ''} reliée${before - 1 > 1 ? 's' : ''} à HAB-01, avec la décision et son explication.`
		);

		// Each contribution now carries the fiche, the decision and the tag.
		await page
			.locator('ol.members > li')
			.first()
			.getByRole('link', { name: /^Contribution n°\s/ })
			.click();
		await a11y.check();
		await expect(page.getByRole('heading', { name: /^HAB-01 — / })).toBeVisible();
		await expect(page.getByText('Déjà en cours', { exact: false }).first()).toBeVisible();
		await expect(page.getByText('etre-recu-pres-de-chez-soi').first()).toBeVisible();
	});

	test('les résultats publics ne montrent que les thèmes validés, chiffres protégés', async ({
		page,
		a11y
	}) => {
		await page.goto('/consultations/mon-avis-citoyen-2023-habitants/resultats');
		await a11y.check();
		const section = page.getByRole('region', { name: 'Les thèmes des réponses libres' });
		const table = section.getByRole('table', { name: 'Données : Réponses libres par thème' });
		await expect(table.getByRole('row')).toHaveCount(2);
		await expect(table.getByRole('row').nth(1)).toContainText(/Se déplacer sans voiture\s*\d+/);
		await expect(section).not.toContainText('(proposé)');
	});
});
