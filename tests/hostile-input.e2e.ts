// Bad or hostile requests get a 4xx with a French message, never a 500.
import { test, expect, authFile } from './support/fixtures';
import { workerOrigin } from './support/worker-server';
import { demoUser } from './support/demo-rows';

const html = { Accept: 'text/html', Origin: workerOrigin() };

test('des envois malformés ou démesurés sont refusés proprement', async ({ request }) => {
	const huge = 'a'.repeat(20_000);
	const cases: { url: string; form: Record<string, string> }[] = [
		{ url: '/connexion', form: { email: huge + '@exemple.fr', password: huge } },
		{ url: '/connexion', form: { email: '<script>alert(1)</script>', password: 'x' } },
		{ url: '/mot-de-passe-oublie', form: { email: ['a@b.fr', 'c@d.fr'].join(',') } },
		{ url: '/mot-de-passe-oublie/jeton-inventé', form: { password: 'x', confirmation: 'y' } }
	];
	for (const { url, form } of cases) {
		const response = await request.post(url, { form, headers: html });
		expect(response.status(), url).toBeGreaterThanOrEqual(400);
		expect(response.status(), url).toBeLessThan(500);
		expect(await response.text(), url).not.toContain('Internal Error');
	}
});

test('un formulaire envoyé en JSON ou depuis un autre site est refusé', async ({ request }) => {
	const json = await request.post('/connexion', {
		data: { email: 'admin@concerto.test', password: 'demo-concerto-41' },
		headers: { ...html, 'Content-Type': 'application/json' }
	});
	expect(json.status()).toBeGreaterThanOrEqual(400);
	expect(json.status()).toBeLessThan(500);

	const forged = await request.post('/connexion', {
		form: { email: 'admin@concerto.test', password: 'demo-concerto-41' },
		headers: { Accept: 'text/html', Origin: 'https://site-malveillant.example' }
	});
	expect(forged.status()).toBe(403);
	expect(forged.headers()['set-cookie'] ?? '').not.toContain('session=');
});

test.describe('avec un compte administrateur', () => {
	test.use({ storageState: authFile('admin') });

	test('des identifiants absurdes dans l’adresse donnent une page 404', async ({ request }) => {
		for (const url of [
			'/admin/utilisateurs/abc',
			'/admin/utilisateurs/99999999999999999999',
			'/admin/utilisateurs/-1',
			'/admin/referentiel/sites/0',
			'/admin/referentiel/communes/%27%20OR%201=1'
		]) {
			const response = await request.get(url, { headers: html });
			expect(response.status(), url).toBe(404);
		}
	});

	test('un choix de liste inventé est refusé avec un message', async ({ request }) => {
		const agent = demoUser('agent@concerto.test');
		const response = await request.post(`/admin/utilisateurs/${agent}`, {
			form: { displayName: 'Karim', role: 'empereur', active: 'on' },
			headers: html
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('Choisissez un rôle dans la liste.');
	});
});

test('le cookie de session est HttpOnly et SameSite=Lax ; court pour l’équipe, long pour les habitants', async ({
	browser
}) => {
	const HOUR = 3600 * 1000;
	for (const [role, min, max] of [
		['agent', 1 * HOUR, 2 * HOUR],
		['habitant', 29 * 24 * HOUR, 31 * 24 * HOUR]
	] as const) {
		const context = await browser.newContext({ storageState: authFile(role) });
		const session = (await context.cookies()).find((c) => c.name === 'session');
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		const left = session!.expires * 1000 - Date.now();
		expect(left, role).toBeGreaterThan(min);
		expect(left, role).toBeLessThanOrEqual(max + 60_000);
		await context.close();
	}
});
