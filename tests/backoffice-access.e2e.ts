// Walks every back-office route as an anonymous visitor, a resident, an
// agent and an administrator, and checks who gets in.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test, expect, authFile } from './support/fixtures';

type Who = 'admin' | 'agent' | 'habitant';

// Route on disk → a concrete URL, and who may open it.
const ROUTES: Record<string, { url: string; allowed: Who[] }> = {
	'/admin': { url: '/admin', allowed: ['admin', 'agent'] },
	'/admin/utilisateurs': { url: '/admin/utilisateurs', allowed: ['admin'] },
	'/admin/utilisateurs/nouveau': { url: '/admin/utilisateurs/nouveau', allowed: ['admin'] },
	'/admin/utilisateurs/[id]': { url: '/admin/utilisateurs/2', allowed: ['admin'] },
	'/admin/referentiel': { url: '/admin/referentiel', allowed: ['admin'] },
	'/admin/referentiel/communes': { url: '/admin/referentiel/communes', allowed: ['admin'] },
	'/admin/referentiel/communes/[insee]': {
		url: '/admin/referentiel/communes/41018',
		allowed: ['admin']
	},
	'/admin/referentiel/sites/nouveau': {
		url: '/admin/referentiel/sites/nouveau',
		allowed: ['admin']
	},
	'/admin/referentiel/sites/[id]': { url: '/admin/referentiel/sites/1', allowed: ['admin'] },
	'/admin/parametres': { url: '/admin/parametres', allowed: ['admin'] },
	'/admin/courriels': { url: '/admin/courriels', allowed: ['admin'] },
	'/admin/journal': { url: '/admin/journal', allowed: ['admin'] },
	'/admin/fiches': { url: '/admin/fiches', allowed: ['admin', 'agent'] },
	'/admin/fiches/[ref]': { url: '/admin/fiches/HAB-04', allowed: ['admin', 'agent'] },
	'/admin/fiches/import': { url: '/admin/fiches/import', allowed: ['admin', 'agent'] },
	'/admin/bilans': { url: '/admin/bilans', allowed: ['admin', 'agent'] },
	'/admin/bilans/[year]': { url: '/admin/bilans/2025', allowed: ['admin', 'agent'] },
	'/admin/bilans/[year]/[ref]': { url: '/admin/bilans/2025/HAB-04', allowed: ['admin', 'agent'] },
	'/admin/evenements': { url: '/admin/evenements', allowed: ['admin', 'agent'] },
	'/admin/evenements/nouveau': { url: '/admin/evenements/nouveau', allowed: ['admin', 'agent'] },
	'/admin/evenements/[id]': { url: '/admin/evenements/7', allowed: ['admin', 'agent'] },
	'/admin/evenements/[id]/inscriptions': {
		url: '/admin/evenements/7/inscriptions',
		allowed: ['admin', 'agent']
	},
	'/admin/evenements/[id]/presences': {
		url: '/admin/evenements/7/presences',
		allowed: ['admin', 'agent']
	},
	'/admin/evenements/[id]/emargement': {
		url: '/admin/evenements/7/emargement',
		allowed: ['admin', 'agent']
	},
	'/admin/evenements/[id]/programme': {
		url: '/admin/evenements/9/programme',
		allowed: ['admin', 'agent']
	},
	'/admin/evenements/[id]/etapes': {
		url: '/admin/evenements/1/etapes',
		allowed: ['admin', 'agent']
	},
	'/admin/evenements/[id]/compte-rendu': {
		url: '/admin/evenements/7/compte-rendu',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations': { url: '/admin/consultations', allowed: ['admin', 'agent'] },
	'/admin/consultations/nouvelle': {
		url: '/admin/consultations/nouvelle',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]': { url: '/admin/consultations/1', allowed: ['admin', 'agent'] },
	'/admin/consultations/[id]/questionnaire': {
		url: '/admin/consultations/1/questionnaire',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/questions/[questionId]': {
		url: '/admin/consultations/1/questions/2',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/apercu': {
		url: '/admin/consultations/1/apercu',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/saisie': {
		url: '/admin/consultations/1/saisie',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/papier': {
		url: '/admin/consultations/1/papier',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/codes': {
		url: '/admin/consultations/1/codes',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/codes/[batch]': {
		url: '/admin/consultations/1/codes/1',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/resultats': {
		url: '/admin/consultations/1/resultats?ventilation=canal',
		allowed: ['admin', 'agent']
	},
	'/admin/consultations/[id]/reponses-libres': {
		url: '/admin/consultations/1/reponses-libres',
		allowed: ['admin', 'agent']
	},
	'/admin/panel': { url: '/admin/panel', allowed: ['admin', 'agent'] },
	'/admin/panel/nouveau': { url: '/admin/panel/nouveau', allowed: ['admin', 'agent'] },
	'/admin/panel/import': { url: '/admin/panel/import', allowed: ['admin', 'agent'] },
	'/admin/panel/[id]': { url: '/admin/panel/1', allowed: ['admin', 'agent'] },
	'/admin/panel/representativite': {
		url: '/admin/panel/representativite',
		allowed: ['admin', 'agent']
	},
	'/admin/panel/tirages': { url: '/admin/panel/tirages', allowed: ['admin', 'agent'] },
	'/admin/panel/tirages/nouveau': {
		url: '/admin/panel/tirages/nouveau?sieges=6&critere=genre',
		allowed: ['admin', 'agent']
	},
	'/admin/panel/tirages/[id]': { url: '/admin/panel/tirages/1', allowed: ['admin', 'agent'] },
	'/admin/groupes': { url: '/admin/groupes', allowed: ['admin', 'agent'] },
	'/admin/contributions': {
		url: '/admin/contributions?q=bus&etat=nouvelle',
		allowed: ['admin', 'agent']
	},
	'/admin/contributions/[id]': { url: '/admin/contributions/1', allowed: ['admin', 'agent'] },
	'/admin/retours': { url: '/admin/retours', allowed: ['admin', 'agent'] },
	'/admin/retours/[id]': { url: '/admin/retours/1', allowed: ['admin', 'agent'] },
	'/admin/contributions/indicateurs': {
		url: '/admin/contributions/indicateurs',
		allowed: ['admin', 'agent']
	},
	'/admin/groupes/nouveau': { url: '/admin/groupes/nouveau', allowed: ['admin', 'agent'] },
	'/admin/groupes/[id]': { url: '/admin/groupes/1?q=martin', allowed: ['admin', 'agent'] },
	'/admin/groupes/[id]/instances': {
		url: '/admin/groupes/1/instances',
		allowed: ['admin', 'agent']
	},
	'/admin/groupes/[id]/documents': {
		url: '/admin/groupes/1/documents',
		allowed: ['admin', 'agent']
	}
};

// Downloads: who may export, and who may ask for personal data.
const EXPORTS: { url: string; allowed: Who[] }[] = [
	{ url: '/admin/consultations/1/export.csv', allowed: ['admin', 'agent'] },
	{ url: '/admin/panel/tirages/1/panels.csv', allowed: ['admin', 'agent'] },
	{ url: '/admin/consultations/1/export.xlsx', allowed: ['admin', 'agent'] },
	{ url: '/admin/consultations/1/dictionnaire.csv', allowed: ['admin', 'agent'] },
	{ url: '/admin/consultations/1/export.csv?personnel=1', allowed: ['admin'] },
	{ url: '/admin/evenements/7/inscriptions.csv', allowed: ['admin', 'agent'] },
	{ url: '/admin/retours/1/lettres.pdf', allowed: ['admin', 'agent'] }
];

function routesOnDisk(dir = 'src/routes/admin'): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) found.push(...routesOnDisk(path));
		else if (entry === '+page.svelte') found.push('/' + relative('src/routes', dir));
	}
	return found;
}

test('la liste couvre toutes les pages de l’administration', () => {
	expect(routesOnDisk().sort()).toEqual(Object.keys(ROUTES).sort());
});

// Refusals are checked over HTTP (status, then the page's text); one of each
// kind is also opened in the browser and audited by axe, since they all share
// the same template.
test('un visiteur anonyme est envoyé vers la connexion', async ({ page, a11y }) => {
	for (const { url } of Object.values(ROUTES)) {
		const response = await page.request.get(url, { maxRedirects: 0 });
		expect(response.status(), url).toBe(303);
		expect(response.headers()['location'], url).toBe(
			`/connexion?redirectTo=${encodeURIComponent(url)}`
		);
	}
	await page.goto(ROUTES['/admin/panel'].url);
	expect(page.url()).toContain('/connexion?redirectTo=');
	await a11y.check();
});

for (const who of ['habitant', 'agent', 'admin'] as const) {
	test.describe(`en tant que ${who}`, () => {
		test.use({ storageState: authFile(who) });

		test('n’entre que là où son rôle le permet', async ({ page, a11y }) => {
			test.setTimeout(180_000);
			let refusalAudited = false;
			for (const [route, { url, allowed }] of Object.entries(ROUTES)) {
				// The agent's run audits every page both roles share; the administrator's
				// audits the pages only administrators open, and checks the others' status.
				if (allowed.includes(who) && (who !== 'admin' || !allowed.includes('agent'))) {
					const response = await page.goto(url);
					expect(response?.status(), `${who} → ${route}`).toBe(200);
					await a11y.check();
					continue;
				}
				if (allowed.includes(who)) {
					const response = await page.request.get(url, { maxRedirects: 0 });
					expect(response.status(), `${who} → ${route}`).toBe(200);
					continue;
				}
				const response = await page.request.get(url, { maxRedirects: 0 });
				expect(response.status(), `${who} → ${route}`).toBe(403);
				expect(await response.text(), `${who} → ${route}`).toContain('Accès refusé');
				if (!refusalAudited) {
					await page.goto(url);
					await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
					await a11y.check();
					refusalAudited = true;
				}
			}
		});

		test('n’exporte que ce que son rôle permet', async ({ page }) => {
			for (const { url, allowed } of EXPORTS) {
				const response = await page.request.get(url, { maxRedirects: 0 });
				expect(response.status(), `${who} → ${url}`).toBe(allowed.includes(who) ? 200 : 403);
			}
		});
	});
}

test('un visiteur anonyme ne télécharge aucun export', async ({ page }) => {
	for (const { url } of EXPORTS) {
		const response = await page.request.get(url, { maxRedirects: 0 });
		expect(response.status(), url).toBe(303);
	}
});
