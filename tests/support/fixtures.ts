// Every browser test runs axe on the pages it visits: `a11y.check()` after
// each navigation, and the test fails if it reached a page it never checked.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'demo-concerto-41';

/**
 * axe needs JavaScript in the page. For a test that runs without it, the
 * DOM as the server sent it is audited in a second page, with its styles
 * (through <base>) and without its scripts.
 */
async function withAuditablePage<T>(
	page: Page,
	browser: Browser,
	javaScriptEnabled: boolean,
	audit: (target: Page) => Promise<T>
): Promise<T> {
	if (javaScriptEnabled) return audit(page);
	const html = (await page.content())
		.replace(/<script\b[\s\S]*?<\/script>/gi, '')
		.replace(/<head>/i, `<head><base href="${page.url()}">`);
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const copy = await context.newPage();
		await copy.setContent(html, { waitUntil: 'load' });
		return await audit(copy);
	} finally {
		await context.close();
	}
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, `Violations d'accessibilité sur ${page.url()}`).toEqual([]);
	expect(results.passes.length, 'axe n’a rien vérifié').toBeGreaterThan(0);
}

function pageKey(url: string): string {
	return url.replace(/#.*$/, '');
}

export interface A11y {
	/** Runs axe on the current page; fails the test on any violation. */
	check(): Promise<void>;
}

export const test = base.extend<{ a11y: A11y }>({
	a11y: [
		async ({ page, browser, javaScriptEnabled }, use) => {
			const visited = new Set<string>();
			const checked = new Set<string>();
			page.on('framenavigated', (frame) => {
				if (frame === page.mainFrame() && frame.url() !== 'about:blank')
					visited.add(pageKey(frame.url()));
			});
			await use({
				async check() {
					await withAuditablePage(page, browser, javaScriptEnabled, expectNoAxeViolations);
					checked.add(pageKey(page.url()));
				}
			});
			const unchecked = [...visited].filter((url) => !checked.has(url));
			expect(unchecked, 'Pages visitées sans contrôle d’accessibilité').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

export async function logIn(
	page: Page,
	a11y: A11y,
	email: string,
	password = DEMO_PASSWORD
): Promise<void> {
	await page.goto('/connexion');
	await a11y.check();
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel(/^Mot de passe/).fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
}

export type DemoRole = 'admin' | 'agent' | 'pilote' | 'habitant' | 'membre';
export const authFile = (role: DemoRole) => `tests/.auth/${role}.json`;
