// The access matrix: every protected page and form action of the access
// table (src/lib/server/auth/access.ts), walked over HTTP for the six roles,
// GET and POST, then the rules on rows (a pilote's own fiches and
// contributions, a member's own groups). The table must name every route on
// disk in the protected areas and every form action their files define.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { workerOrigin } from './support/worker-server';
import {
	demoConsultation,
	demoContribution,
	demoCampaign,
	demoDraw,
	demoEvent,
	demoGroup,
	demoPerson,
	demoQuestion,
	demoRetour,
	demoRow,
	demoSite,
	demoTheme,
	demoThemeAnalysis,
	demoUser
} from './support/demo-rows';
import { test, expect, authFile, DEMO_PASSWORD, type DemoRole } from './support/fixtures';
import {
	allows,
	inProtectedArea,
	ROUTE_ACCESS,
	type AccessRule
} from '../src/lib/server/auth/access';
import { PERMISSIONS, type Permission, type Role } from '../src/lib/server/auth/permissions';

type Who = 'anonyme' | DemoRole;
const WHO: Who[] = ['anonyme', 'habitant', 'membre', 'pilote', 'agent', 'admin'];
const ORIGIN = workerOrigin();
const BOGUS_TOKEN = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
/** What a browser sends with a form without JavaScript: same origin, HTML expected. */
const FORM_HEADERS = { origin: ORIGIN, accept: 'text/html' };
const withAction = (url: string, suffix: string) => url.split('?')[0] + suffix;

/**
 * A concrete address for each route; `probe`: the same route on a row that
 * does not exist, where an allowed role's POST is refused by the service
 * (404) without changing anything; `emptyPostIsSafe`: an empty POST only
 * fails validation; `as`: what a role gets on this row when a rule on rows
 * decides (pilote on a fiche they do not own…).
 */
interface Sample {
	url: string;
	probe?: string;
	emptyPostIsSafe?: boolean;
	as?: Partial<Record<Who, number>>;
}

/** The demo rows the samples open, looked up by slug, title or e-mail. */
function demoIds() {
	return {
		consultation: demoConsultation('mon-avis-citoyen-2023-habitants'),
		question: demoQuestion('mon-avis-citoyen-2023-habitants', 'Pour quelles raisons ?'),
		contribution: demoContribution('Un bus le samedi matin'),
		atelier: demoEvent('atelier-mobilite-vendome'),
		universite: demoEvent('universite-sociale-nord-2027'),
		tournee: demoEvent('tournee-aller-vers-2023'),
		group: demoGroup('groupe-ressource'),
		draw: demoDraw('Groupe ressource 2027'),
		campaign: demoCampaign('Panel départemental 2027 : invitations'),
		person: demoPerson('membre@concerto.test'),
		site: demoSite('Maison départementale des solidarités de Mondoubleau'),
		retour: demoRetour('mon-avis-citoyen-2023'),
		agentUser: demoUser('agent@concerto.test'),
		theme: demoTheme('Se déplacer sans voiture'),
		themeAnalysis: demoThemeAnalysis('Se déplacer sans voiture')
	};
}

let samples: Record<string, Sample> | undefined;
/** Built on first use, once this worker's database exists. */
function samplesOf(): Record<string, Sample> {
	if (samples) return samples;
	const id = demoIds();
	return (samples = {
		'/admin': { url: '/admin' },
		'/admin/bilans': { url: '/admin/bilans', emptyPostIsSafe: true },
		'/admin/bilans/[year=year]': { url: '/admin/bilans/2025', probe: '/admin/bilans/2099' },
		'/admin/bilans/[year=year]/[ref=ref]': {
			url: '/admin/bilans/2025/HAB-04',
			probe: '/admin/bilans/2099/HAB-04'
		},
		'/admin/consultations': { url: '/admin/consultations' },
		'/admin/consultations/nouvelle': {
			url: '/admin/consultations/nouvelle',
			emptyPostIsSafe: true
		},
		'/admin/consultations/[id=id]': {
			url: `/admin/consultations/${id.consultation}`,
			probe: '/admin/consultations/99999'
		},
		'/admin/consultations/[id=id]/apercu': {
			url: `/admin/consultations/${id.consultation}/apercu`
		},
		'/admin/consultations/[id=id]/codes': {
			url: `/admin/consultations/${id.consultation}/codes`,
			probe: '/admin/consultations/99999/codes'
		},
		'/admin/consultations/[id=id]/codes/[batch=id]': {
			url: `/admin/consultations/${id.consultation}/codes/1`
		},
		'/admin/consultations/[id=id]/dictionnaire.csv': {
			url: `/admin/consultations/${id.consultation}/dictionnaire.csv`
		},
		'/admin/consultations/[id=id]/export.csv': {
			url: `/admin/consultations/${id.consultation}/export.csv`
		},
		'/admin/consultations/[id=id]/export.xlsx': {
			url: `/admin/consultations/${id.consultation}/export.xlsx`
		},
		'/admin/consultations/[id=id]/papier': {
			url: `/admin/consultations/${id.consultation}/papier`
		},
		'/admin/consultations/[id=id]/questionnaire': {
			url: `/admin/consultations/${id.consultation}/questionnaire`,
			probe: '/admin/consultations/99999/questionnaire'
		},
		'/admin/consultations/[id=id]/questions/[questionId=id]': {
			url: `/admin/consultations/${id.consultation}/questions/${id.question}`,
			probe: `/admin/consultations/${id.consultation}/questions/99999`
		},
		'/admin/consultations/[id=id]/reponses-libres': {
			url: `/admin/consultations/${id.consultation}/reponses-libres?page=1e309`
		},
		'/admin/consultations/[id=id]/resultats': {
			url: `/admin/consultations/${id.consultation}/resultats?ventilation=canal`
		},
		'/admin/consultations/[id=id]/saisie': {
			url: `/admin/consultations/${id.consultation}/saisie`,
			probe: '/admin/consultations/99999/saisie'
		},
		'/admin/contributions': {
			url: '/admin/contributions?q=bus&etat=nouvelle&page=99999999999999999999',
			emptyPostIsSafe: true
		},
		'/admin/contributions/indicateurs': { url: '/admin/contributions/indicateurs' },
		'/admin/contributions/[id=id]': {
			url: `/admin/contributions/${id.contribution}`,
			probe: '/admin/contributions/99999',
			// Not linked to the demo pilote's fiches: for them it does not exist.
			as: { pilote: 404 }
		},
		'/admin/courriels': { url: '/admin/courriels?page=1e309' },
		'/admin/themes': { url: '/admin/themes' },
		'/admin/themes/vocabulaire': { url: '/admin/themes/vocabulaire' },
		'/admin/themes/[id=id]': {
			url: `/admin/themes/${id.themeAnalysis}`,
			probe: '/admin/themes/99999'
		},
		'/admin/themes/[id=id]/[themeId=id]': {
			url: `/admin/themes/${id.themeAnalysis}/${id.theme}`,
			probe: `/admin/themes/${id.themeAnalysis}/99999`
		},
		'/admin/evenements': { url: '/admin/evenements', emptyPostIsSafe: true },
		'/admin/evenements/nouveau': { url: '/admin/evenements/nouveau', emptyPostIsSafe: true },
		'/admin/evenements/[id=id]': {
			url: `/admin/evenements/${id.atelier}`,
			probe: '/admin/evenements/99999'
		},
		'/admin/evenements/[id=id]/compte-rendu': {
			url: `/admin/evenements/${id.atelier}/compte-rendu`,
			probe: '/admin/evenements/99999/compte-rendu'
		},
		'/admin/evenements/[id=id]/emargement': { url: `/admin/evenements/${id.atelier}/emargement` },
		'/admin/evenements/[id=id]/etapes': {
			url: `/admin/evenements/${id.tournee}/etapes`,
			probe: '/admin/evenements/99999/etapes'
		},
		'/admin/evenements/[id=id]/inscriptions': {
			url: `/admin/evenements/${id.atelier}/inscriptions`,
			emptyPostIsSafe: true
		},
		'/admin/evenements/[id=id]/inscriptions.csv': {
			url: `/admin/evenements/${id.atelier}/inscriptions.csv`
		},
		'/admin/evenements/[id=id]/presences': {
			url: `/admin/evenements/${id.atelier}/presences`,
			probe: '/admin/evenements/99999/presences'
		},
		'/admin/evenements/[id=id]/programme': {
			url: `/admin/evenements/${id.universite}/programme`,
			probe: '/admin/evenements/99999/programme'
		},
		'/admin/fiches': { url: '/admin/fiches' },
		'/admin/fiches/import': { url: '/admin/fiches/import', emptyPostIsSafe: true },
		'/admin/fiches/synonymes': { url: '/admin/fiches/synonymes', emptyPostIsSafe: true },
		'/admin/fiches/[ref=ref]': {
			url: '/admin/fiches/HAB-04',
			probe: '/admin/fiches/ZZZ-99'
		},
		'/admin/groupes': { url: '/admin/groupes' },
		'/admin/groupes/nouveau': { url: '/admin/groupes/nouveau', emptyPostIsSafe: true },
		'/admin/groupes/[id=id]': {
			url: `/admin/groupes/${id.group}?q=martin`,
			probe: '/admin/groupes/99999'
		},
		'/admin/groupes/[id=id]/documents': {
			url: `/admin/groupes/${id.group}/documents`,
			probe: '/admin/groupes/99999/documents'
		},
		'/admin/groupes/[id=id]/instances': {
			url: `/admin/groupes/${id.group}/instances`,
			probe: '/admin/groupes/99999/instances'
		},
		'/admin/accessibilite': { url: '/admin/accessibilite', emptyPostIsSafe: true },
		'/admin/accessibilite/[theme=id]': {
			url: '/admin/accessibilite/4',
			probe: '/admin/accessibilite/99'
		},
		'/admin/donnees': { url: '/admin/donnees' },
		'/admin/donnees/registre.csv': { url: '/admin/donnees/registre.csv' },
		'/admin/donnees/demandes': {
			url: '/admin/donnees/demandes?email=personne%40exemple.fr',
			emptyPostIsSafe: true
		},
		'/admin/donnees/demandes/export.json': {
			url: '/admin/donnees/demandes/export.json?email=personne%40exemple.fr'
		},
		'/admin/journal': { url: '/admin/journal?page=99999999999999999999' },
		'/admin/journal.csv': { url: '/admin/journal.csv?du=2026-13-45&personne=abc' },
		'/admin/panel': { url: '/admin/panel' },
		'/admin/panel/nouveau': { url: '/admin/panel/nouveau', emptyPostIsSafe: true },
		'/admin/panel/import': { url: '/admin/panel/import', emptyPostIsSafe: true },
		'/admin/panel/invitations': { url: '/admin/panel/invitations', emptyPostIsSafe: true },
		'/admin/panel/invitations/nouvelle': {
			url: '/admin/panel/invitations/nouvelle',
			emptyPostIsSafe: true
		},
		'/admin/panel/invitations/[id=id]': {
			url: `/admin/panel/invitations/${id.campaign}`,
			probe: '/admin/panel/invitations/99999'
		},
		'/admin/panel/invitations/[id=id]/reponse': {
			url: `/admin/panel/invitations/${id.campaign}/reponse`,
			emptyPostIsSafe: true
		},
		'/admin/panel/invitations/[id=id]/lettres.pdf': {
			url: `/admin/panel/invitations/${id.campaign}/lettres.pdf`
		},
		'/admin/panel/invitations/[id=id]/relances.pdf': {
			url: `/admin/panel/invitations/${id.campaign}/relances.pdf`
		},
		'/admin/panel/representativite': { url: '/admin/panel/representativite' },
		'/admin/panel/tirages': { url: '/admin/panel/tirages' },
		'/admin/panel/tirages/nouveau': {
			url: '/admin/panel/tirages/nouveau?sieges=6&critere=genre',
			emptyPostIsSafe: true
		},
		'/admin/panel/tirages/[id=id]': {
			url: `/admin/panel/tirages/${id.draw}`,
			probe: '/admin/panel/tirages/99999'
		},
		'/admin/panel/tirages/[id=id]/panels.csv': {
			url: `/admin/panel/tirages/${id.draw}/panels.csv`
		},
		'/admin/panel/[id=id]': { url: `/admin/panel/${id.person}`, probe: '/admin/panel/99999' },
		'/admin/parametres': { url: '/admin/parametres', emptyPostIsSafe: true },
		'/admin/referentiel': { url: '/admin/referentiel' },
		'/admin/referentiel/communes': { url: '/admin/referentiel/communes' },
		'/admin/referentiel/communes/[insee]': {
			url: '/admin/referentiel/communes/41018',
			probe: '/admin/referentiel/communes/99999'
		},
		'/admin/referentiel/sites/nouveau': {
			url: '/admin/referentiel/sites/nouveau',
			emptyPostIsSafe: true
		},
		'/admin/referentiel/sites/[id=id]': {
			url: `/admin/referentiel/sites/${id.site}`,
			probe: '/admin/referentiel/sites/99999'
		},
		'/admin/retours': { url: '/admin/retours', emptyPostIsSafe: true },
		'/admin/retours/[id=id]': { url: `/admin/retours/${id.retour}`, probe: '/admin/retours/99999' },
		'/admin/retours/[id=id]/lettres.pdf': { url: `/admin/retours/${id.retour}/lettres.pdf` },
		'/admin/utilisateurs': { url: '/admin/utilisateurs?page=1e309' },
		'/admin/utilisateurs/nouveau': { url: '/admin/utilisateurs/nouveau', emptyPostIsSafe: true },
		'/admin/utilisateurs/[id=id]': {
			url: `/admin/utilisateurs/${id.agentUser}`,
			probe: '/admin/utilisateurs/99999'
		},
		'/compte': { url: '/compte', emptyPostIsSafe: true },
		'/compte/export': { url: '/compte/export' },
		'/compte/mes-donnees': { url: '/compte/mes-donnees' },
		'/compte/supprime': { url: '/compte/supprime' },
		'/mes-contributions': { url: '/mes-contributions' },
		'/mes-groupes': { url: '/mes-groupes', emptyPostIsSafe: true },
		'/donnees-personnelles/demande/[token]': {
			url: `/donnees-personnelles/demande/${BOGUS_TOKEN}`
		},
		'/inscriptions/[token]': { url: `/inscriptions/${BOGUS_TOKEN}` },
		'/mot-de-passe-oublie/[token]': { url: `/mot-de-passe-oublie/${BOGUS_TOKEN}` },
		'/panel/confirmation/[token]': { url: `/panel/confirmation/${BOGUS_TOKEN}` },
		'/panel/inscription/[token]': { url: `/panel/inscription/${BOGUS_TOKEN}` },
		'/retours/desabonnement/[token]': { url: `/retours/desabonnement/${BOGUS_TOKEN}` },
		'/suivi/desabonnement/[token]': { url: `/suivi/desabonnement/${BOGUS_TOKEN}` }
	});
}

const TOKEN_ROUTES = Object.keys(ROUTE_ACCESS).filter((r) => ROUTE_ACCESS[r].view === 'token');

function routesOnDisk(dir: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) found.push(...routesOnDisk(path));
		else if (/^\+(page\.svelte|server\.ts)$/.test(entry)) {
			const route = '/' + relative('src/routes', dir);
			found.push(route === '/' ? '/' : route.replace(/\/$/, ''));
		}
	}
	return [...new Set(found)];
}

function actionsInFile(route: string): string[] {
	const path = join('src/routes', route, '+page.server.ts');
	let source: string;
	try {
		source = readFileSync(path, 'utf8');
	} catch {
		return [];
	}
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	const block = source.slice(start);
	return [...block.matchAll(/^\t([a-zA-Z]+): |export const actions[^=]*= \{ ([a-zA-Z]+): /gm)].map(
		(m) => m[1] ?? m[2]
	);
}

function mayAs(rule: AccessRule, who: Who): boolean {
	if (who === 'anonyme') return allows(rule, null);
	return allows(rule, { id: 0, role: who as Role, displayName: who });
}

const isEndpoint = (route: string) => /\.[a-z]+$|\/export$/.test(route);

test.describe('la table des accès', () => {
	test('nomme chaque page des espaces protégés et des liens personnels, et chaque action', () => {
		const onDisk = routesOnDisk('src/routes').filter(
			(r) => inProtectedArea(r) || r.includes('[token]')
		);
		expect(onDisk.sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
		expect(Object.keys(samplesOf()).sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
		for (const route of onDisk)
			expect(actionsInFile(route).sort(), route).toEqual(
				Object.keys(ROUTE_ACCESS[route].actions ?? {}).sort()
			);
		// Every permission names real roles.
		for (const roles of Object.values(PERMISSIONS)) expect(roles.length).toBeGreaterThan(0);
		const used = new Set(
			Object.values(ROUTE_ACCESS).flatMap((a) => [a.view, ...Object.values(a.actions ?? {})])
		);
		for (const rule of used)
			if (!['signedIn', 'token', 'public'].includes(rule))
				expect(Object.keys(PERMISSIONS)).toContain(rule as Permission);
	});
});

async function expectRefused(
	request: APIRequestContext,
	who: Who,
	method: 'GET' | 'POST',
	url: string,
	label: string
) {
	const response =
		method === 'GET'
			? await request.get(url, { maxRedirects: 0 })
			: await request.post(url, { maxRedirects: 0, headers: FORM_HEADERS, form: {} });
	if (who === 'anonyme') {
		expect(response.status(), label).toBe(303);
		expect(response.headers()['location'], label).toMatch(/^\/connexion\?redirectTo=/);
	} else {
		expect(response.status(), label).toBe(403);
	}
	return response;
}

for (const who of WHO) {
	test.describe(`en tant que ${who}`, () => {
		if (who !== 'anonyme') test.use({ storageState: authFile(who) });

		test('ouvre et agit seulement là où la table le permet', async ({ page, a11y }) => {
			test.setTimeout(240_000);
			const request = page.request;
			let refusalAudited = false;
			for (const [route, access] of Object.entries(ROUTE_ACCESS)) {
				const sample = samplesOf()[route];
				const expected = sample.as?.[who];
				// GET
				if (access.view === 'token') {
					const response = await request.get(sample.url, { maxRedirects: 0 });
					// An unknown link says it does not work (some pages say so with a 200).
					expect([200, 400, 404], `${who} GET ${route}`).toContain(response.status());
					expect(await response.text()).not.toContain('Erreur inattendue');
					expect(response.headers()['cache-control'], route).toContain('no-store');
				} else if (mayAs(access.view, who) && expected === undefined) {
					// The agent audits every page staff share; the administrator the ones
					// only administrators open; the others only check the status.
					const audit =
						!isEndpoint(route) &&
						((who === 'agent' && !route.startsWith('/compte')) ||
							(who === 'admin' && !mayAs(access.view, 'agent')));
					let headers: Record<string, string>;
					if (audit) {
						const response = await page.goto(sample.url);
						expect(response?.status(), `${who} GET ${route}`).toBe(200);
						headers = (await response?.allHeaders()) ?? {};
						await a11y.check();
					} else {
						const response = await request.get(sample.url, { maxRedirects: 0 });
						expect(response.status(), `${who} GET ${route}`).toBe(200);
						headers = response.headers();
					}
					expect(headers['cache-control'] ?? '', `${route} no-store`).toContain('no-store');
				} else if (expected !== undefined) {
					const response = await request.get(sample.url, { maxRedirects: 0 });
					expect(response.status(), `${who} GET ${route} (règle sur les lignes)`).toBe(expected);
				} else {
					const response = await expectRefused(
						request,
						who,
						'GET',
						sample.url,
						`${who} GET ${route}`
					);
					if (who !== 'anonyme' && !isEndpoint(route)) {
						expect(await response.text()).toContain('Accès refusé');
						if (!refusalAudited) {
							await page.goto(sample.url);
							await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
							await a11y.check();
							refusalAudited = true;
						}
					}
				}
				// POST, each form action
				for (const [action, rule] of Object.entries(access.actions ?? {})) {
					const label = `${who} POST ${route} ?/${action}`;
					const suffix = action === 'default' ? '' : `?/${action}`;
					if (rule === 'token') {
						const response = await request.post(withAction(sample.url, suffix), {
							maxRedirects: 0,
							headers: FORM_HEADERS,
							form: {}
						});
						expect([400, 404], label).toContain(response.status());
						continue;
					}
					if (!mayAs(rule, who)) {
						await expectRefused(request, who, 'POST', withAction(sample.url, suffix), label);
						continue;
					}
					// Allowed: only where it cannot change anything.
					const target = sample.probe ?? (sample.emptyPostIsSafe ? sample.url : null);
					if (!target) continue;
					const response = await request.post(withAction(target, suffix), {
						maxRedirects: 0,
						headers: FORM_HEADERS,
						form: {}
					});
					expect(response.status(), label).toBeLessThan(500);
					expect(response.status(), label).not.toBe(403);
					expect(response.headers()['location'] ?? '', label).not.toMatch(/^\/connexion/);
				}
			}
		});
	});
}

/** Rows of the demonstration database that the rules on rows are about. */
function demoRows() {
	// Quoted names read the same on both engines (camelCase kept, "user" not PostgreSQL's keyword).
	const linkOf = (owned: boolean) =>
		demoRow<{ linkId: number; contributionId: number }>(
			`select cl.id as "linkId", cl.contribution_id as "contributionId" from contribution_link cl
			 join fiche f on f.id = cl.fiche_id
			 where f.owner_user_id ${owned ? '=' : 'is distinct from'} (select id from "user" where email = 'pilote@concerto.test')
			 order by cl.id limit 1`
		)!;
	const meeting = (name: string) =>
		demoRow<{ id: number; slug: string }>(
			`select e.id, e.slug from event e join participation_group g on g.id = e.group_id
			 where g.name = ? order by e.starts_at desc limit 1`,
			[name]
		)!;
	return {
		own: linkOf(true),
		other: linkOf(false),
		ownMeeting: meeting('CVS des parents — Nord'),
		otherMeeting: meeting('CVS des parents — Centre')
	};
}

test.describe('les règles sur les lignes', () => {
	test.describe('un pilote', () => {
		test.use({ storageState: authFile('pilote') });

		test('ne voit et ne décide que sur ses fiches et les contributions qui y sont reliées', async ({
			page
		}) => {
			const rows = demoRows();
			const request = page.request;
			const post = (url: string, form: Record<string, string>) =>
				request.post(url, { maxRedirects: 0, headers: FORM_HEADERS, form });
			expect((await request.get(`/admin/contributions/${rows.own.contributionId}`)).status()).toBe(
				200
			);
			expect([403, 404]).toContain(
				(
					await request.get(`/admin/contributions/${rows.other.contributionId}`, {
						maxRedirects: 0
					})
				).status()
			);
			const decision = {
				decision: 'prise_en_compte',
				explanation: 'Essai de la matrice des accès.'
			};
			expect([403, 404]).toContain(
				(
					await post(`/admin/contributions/${rows.other.contributionId}?/decide`, {
						linkId: String(rows.other.linkId),
						...decision
					})
				).status()
			);
			expect((await request.get('/admin/fiches/HAB-04')).status()).toBe(200);
			expect((await request.get('/admin/fiches/ALL-02', { maxRedirects: 0 })).status()).toBe(403);
			expect(
				(
					await post('/admin/fiches/ALL-02?/status', { status: 'realisee', comment: 'Essai' })
				).status()
			).toBe(403);
			expect((await request.get('/admin/bilans/2025/ALL-02', { maxRedirects: 0 })).status()).toBe(
				403
			);
		});
	});

	test.describe('un membre', () => {
		test.use({ storageState: authFile('membre') });

		test('ne voit et ne répond qu’aux réunions de ses groupes', async ({ page, playwright }) => {
			const rows = demoRows();
			const request = page.request;
			expect((await request.get(`/agenda/${rows.ownMeeting.slug}`)).status()).toBe(200);
			expect((await request.get(`/agenda/${rows.otherMeeting.slug}`)).status()).toBe(404);
			expect((await request.get(`/agenda/${rows.otherMeeting.slug}/evenement.ics`)).status()).toBe(
				404
			);
			const refused = await request.post('/mes-groupes?/answer', {
				maxRedirects: 0,
				headers: FORM_HEADERS,
				form: { eventId: String(rows.otherMeeting.id), coming: 'oui' }
			});
			expect(refused.status()).toBe(403);
			const anonymous = await playwright.request.newContext({
				baseURL: ORIGIN,
				storageState: { cookies: [], origins: [] }
			});
			try {
				expect((await anonymous.get(`/agenda/${rows.ownMeeting.slug}`)).status()).toBe(404);
			} finally {
				await anonymous.dispose();
			}
		});
	});
});

test('les liens personnels ne sont jamais gardés en cache', async ({ page }) => {
	for (const route of TOKEN_ROUTES) {
		const response = await page.request.get(samplesOf()[route].url, { maxRedirects: 0 });
		expect(response.headers()['cache-control'], route).toContain('no-store');
	}
	for (const url of ['/suivi', '/connexion?redirectTo=/%09/evil.example/x']) {
		const response = await page.request.get(url, { maxRedirects: 0 });
		expect(response.status(), url).toBeLessThan(500);
	}
});

test('après la connexion, on ne revient que sur une page du site', async ({ playwright }) => {
	for (const hostile of [
		'/%09/evil.example/x',
		'/%0a/evil.example',
		'/%0d%0a/evil.example',
		'/%0B/x',
		'/%E3%80%80/evil.example',
		'//evil.example',
		'/%5Cevil.example'
	]) {
		const context = await playwright.request.newContext({
			baseURL: ORIGIN,
			storageState: { cookies: [], origins: [] }
		});
		const response = await context.post(`/connexion?redirectTo=${hostile}`, {
			maxRedirects: 0,
			headers: FORM_HEADERS,
			form: { email: 'habitant@concerto.test', password: DEMO_PASSWORD }
		});
		expect(response.status(), hostile).toBe(303);
		expect(response.headers()['location'], hostile).toBe('/compte');
		await context.dispose();
	}
});

test.describe('un formulaire amélioré par JavaScript', () => {
	test.use({ storageState: authFile('habitant') });

	test('reçoit le refus dans le format que SvelteKit attend', async ({ page }) => {
		const response = await page.request.post('/admin/utilisateurs/nouveau', {
			maxRedirects: 0,
			headers: { origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true' },
			form: { email: 'x@exemple.fr' }
		});
		expect(response.status()).toBe(403);
		expect(await response.json()).toMatchObject({ type: 'error' });
	});
});
