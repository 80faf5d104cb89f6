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
