// Every browser test runs axe on the pages it visits: `a11y.check()` after
// each navigation, and the test fails if it reached a page it never checked.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startWorkerServer, type AppServer } from './worker-server';

export const DEMO_PASSWORD = 'demo-concerto-41';

/** The narrowest phone the design supports (issue 15). */
export const PHONE_WIDTH = 360;

/** The page as it stands now, scripts removed, styles kept through <base>. */
async function snapshotHtml(page: Page): Promise<string> {
	return (await page.content())
		.replace(/<script\b[\s\S]*?<\/script>/gi, '')
		.replace(/<head>/i, `<head><base href="${page.url()}">`);
}

/**
 * axe needs JavaScript in the page. For a test that runs without it, the
 * DOM as the server sent it is audited in a second page, with its styles
 * (through <base>) and without its scripts; one such page serves a whole test.
 */
async function withAuditablePage<T>(
	page: Page,
	copyPage: () => Promise<Page>,
	javaScriptEnabled: boolean,
	audit: (target: Page) => Promise<T>
): Promise<T> {
	if (javaScriptEnabled) return audit(page);
	const html = await snapshotHtml(page);
	const copy = await copyPage();
	await copy.setContent(html, { waitUntil: 'load' });
	return audit(copy);
}

const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
	// axe is run in the page itself, as @axe-core/playwright's legacy mode does
	// (our pages have no frames), without its per-report overhead: injected
	// once per document, then run with the same rules. Passes are only counted.
	// (An element with id="axe" is also window.axe: look for axe's own function.)
	const injected = await page.evaluate(
		() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'
	);
	if (!injected) await page.evaluate(AXE_SOURCE);
	const results = await page.evaluate(
		(tags) =>
			(
				window as unknown as {
					axe: {
						run: (
							context: Document,
							options: object
						) => Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
					};
				}
			).axe.run(document, {
				runOnly: { type: 'tag', values: tags },
				resultTypes: ['violations']
			}),
		AXE_TAGS
	);
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, `Violations d'accessibilité sur ${page.url()}`).toEqual([]);
	expect(results.passes.length, 'axe n’a rien vérifié').toBeGreaterThan(0);
}

interface PhoneProblems {
	scrollWidth: number;
	/** The innermost elements that stick out on the right. */
	wide: string[];
	small: string[];
	fonts: string[];
}

/**
 * What a 360 px phone shows wrong: a page wider than the screen, a field or
 * button smaller than 24 × 24 px (WCAG 2.2, 2.5.8), a form control outside
 * the design's font. Runs in the page.
 */
export function findPhoneProblems(): PhoneProblems {
	const describe = (el: Element) => {
		const name =
			el.getAttribute('aria-label') ??
			el.getAttribute('name') ??
			(el.textContent ?? '').trim().slice(0, 40);
		return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> « ${name} »`;
	};
	const shown = (el: Element) => {
		const box = el.getBoundingClientRect();
		const style = getComputedStyle(el);
		if (box.width === 0 && box.height === 0) return false;
		if (style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)') return false;
		return !el.closest('.visually-hidden, [hidden]');
	};
	const targets = document.querySelectorAll(
		'input:not([type="hidden"]), select, textarea, button, a.button, summary'
	);
	const small: string[] = [];
	const fonts: string[] = [];
	const font = getComputedStyle(document.body).fontFamily;
	for (const el of targets) {
		if (!shown(el)) continue;
		const box = el.getBoundingClientRect();
		if (box.width < 23.5 || box.height < 23.5)
			small.push(`${describe(el)} ${Math.round(box.width)} × ${Math.round(box.height)} px`);
		const type = el.getAttribute('type');
		if (type !== 'checkbox' && type !== 'radio' && getComputedStyle(el).fontFamily !== font)
			fonts.push(`${describe(el)} en ${getComputedStyle(el).fontFamily}`);
	}
	const width = document.documentElement.clientWidth;
	const scrolls = (el: Element) => /(auto|scroll|hidden)/.test(getComputedStyle(el).overflowX);
	const scrollWidth = document.documentElement.scrollWidth;
	// Culprits are looked for only when the page does scroll sideways.
	const sticking =
		scrollWidth > width
			? [...document.body.querySelectorAll('*')]
					.filter((el) => el.getBoundingClientRect().right > width + 0.5)
					.slice(0, 300)
			: [];
	const unclipped = sticking.filter((el) => {
		for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
			if (scrolls(up)) return false;
		return true;
	});
	// An absolutely placed element escapes a scrolling box that is not positioned.
	const culprits = unclipped.length ? unclipped : sticking;
	const wide = culprits
		.filter((el) => !culprits.some((other) => other !== el && el.contains(other)))
		.slice(0, 5)
		.map(
			(el) => `${describe(el)} ${Math.round(el.getBoundingClientRect().right)} px (${el.className})`
		);
	return { scrollWidth, wide, small, fonts };
}

/**
 * Pages already checked at 360 px in this worker, by address and content:
 * a page seen again in the same state is not measured again (the suite
 * visits some pages dozens of times), one in another state is.
 */
const phoneChecked = new Set<string>();

/** Checks `target` at 360 px wide, then gives it back its size. */
export async function expectPhoneLayout(target: Page, url: string): Promise<void> {
	const state = `${pageKey(url)} ${await target.evaluate(() => document.body.innerHTML.length)}`;
	if (phoneChecked.has(state)) return;
	const size = target.viewportSize();
	await target.setViewportSize({ width: PHONE_WIDTH, height: 800 });
	let problems: PhoneProblems;
	try {
		problems = await target.evaluate(findPhoneProblems);
	} finally {
		if (size) await target.setViewportSize(size);
	}
	const where = `à ${PHONE_WIDTH} px sur ${url}`;
	expect(
		problems.scrollWidth,
		`Défilement horizontal ${where} : ${problems.wide.join(' ; ')}`
	).toBeLessThanOrEqual(PHONE_WIDTH);
	expect(problems.small, `Cibles de moins de 24 × 24 px ${where}`).toEqual([]);
	expect(problems.fonts, `Champs hors de la police du site ${where}`).toEqual([]);
	expect(
		await target.evaluate(findEnglishNumbers),
		`Nombres écrits à l’anglaise sur ${url}`
	).toEqual([]);
	phoneChecked.add(state);
}

/**
 * Numbers written the English way (« 12.5 ») in what a person reads: French
 * writes « 12,5 ». Code, addresses and form values are not prose. Runs in the page.
 */
export function findEnglishNumbers(): string[] {
	const found: string[] = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement;
		// Identifiers such as RGAA criteria (« 4.1 ») are marked data-identifier.
		if (!parent || parent.closest('code, pre, kbd, samp, script, style, [data-identifier]'))
			continue;
		for (const match of (node.textContent ?? '').matchAll(/(?<![\w.:/@-])\d+\.\d+(?![\w.:/@-])/g))
			found.push(
				`« ${match[0]} » dans <${parent.tagName.toLowerCase()}> « ${(node.textContent ?? '').trim().slice(0, 60)} »`
			);
	}
	return found;
}

function pageKey(url: string): string {
	return url.replace(/#.*$/, '');
}

export interface A11y {
	/**
	 * Runs axe on the current page, then checks it on a 360 px phone (no
	 * sideways scroll, 24 px targets, the design's font in every control) and
	 * for numbers written the English way; fails the test on any problem.
	 */
	check(): Promise<void>;
}

export const test = base.extend<{ a11y: A11y }, { appServer: AppServer }>({
	appServer: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures.
		async ({}, use) => {
			const server = await startWorkerServer();
			await use(server);
			await server.stop();
		},
		{ scope: 'worker', auto: true, timeout: 90_000 }
	],
	baseURL: async ({ appServer }, use) => use(appServer.origin),
	a11y: [
		async ({ page, browser, javaScriptEnabled }, use) => {
			const visited = new Set<string>();
			const checked = new Set<string>();
			const audit: { context?: BrowserContext; page?: Page } = {};
			const copyPage = async () => {
				audit.context ??= await browser.newContext({ javaScriptEnabled: true });
				audit.page ??= await audit.context.newPage();
				return audit.page;
			};
			page.on('framenavigated', (frame) => {
				if (frame === page.mainFrame() && frame.url() !== 'about:blank')
					visited.add(pageKey(frame.url()));
			});
			await use({
				async check() {
					// A form sent without JavaScript may still be loading its answer.
					await page.waitForLoadState('load');
					// A link followed with JavaScript may still be loading the next page. The
					// router marks <main> busy a moment after the click (it first resolves the
					// route): a frame is let pass so that the mark is there to wait for.
					if (javaScriptEnabled)
						await page
							.evaluate(
								() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))
							)
							// A full page load that replaced the document has nothing pending.
							.catch(() => undefined);
					await page.locator('main[aria-busy="true"]').waitFor({ state: 'detached' });
					const url = page.url();
					await withAuditablePage(page, copyPage, javaScriptEnabled, async (target) => {
						await expectNoAxeViolations(target);
						await expectPhoneLayout(target, url);
					});
					checked.add(pageKey(page.url()));
				}
			});
			await audit.context?.close();
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

export const DEMO_ROLES = ['admin', 'agent', 'pilote', 'habitant', 'membre'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];
export const authFile = (role: DemoRole) => `tests/.auth/${role}.json`;
