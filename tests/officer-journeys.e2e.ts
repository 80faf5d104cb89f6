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
