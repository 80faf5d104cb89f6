// `npm run bench`: prints timings of the hot paths, on a fresh in-memory
// database. Figures, not assertions: compare them between commits.
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../db/test-database';
import { loadReferenceData } from '../reference/seed';
import { createSession, validateSessionToken } from '../auth/sessions';
import { hashPassword, verifyPassword } from '../auth/password';
import { listCommunes } from '../reference/service';
import { insertAccount } from '../users/queries';
import { listUsers } from '../users/service';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { searchFiches, getFicheByRef } from '../fiches/catalogue';
import { buildBilan } from '../fiches/bilan';
import { openDataFiches, toCsv } from '../fiches/open-data';
import { benchConsultations } from './bench-consultations';
import { benchPanel } from './bench-panel';
import { crashLoad, describeCrashLoad } from './crash-load';
import { evaluateSuggestions } from '../contributions/suggestion-evaluation';
import { suggestFiches } from '../contributions/suggest';
import { evaluateThemes, syntheticAnswers, timeTheming } from '../themes/evaluation';
import {
	getThemeAnalysis,
	requestThemeAnalysis,
	runPendingThemeAnalyses
} from '../themes/analyses';
import { getTheme } from '../themes/editing';
import { foldForSearch } from '../text';
import { systemClock } from '../context';
import { createLogger } from '../log';
import { actorOf, userFromRow } from '../users/user';
import { findUserRowByEmail } from '../users/queries';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { addressesByCommune, readAddressBase } from '../panel/lottery/address-base';
import { generatedAddressCsv } from '../panel/lottery/generated-base';
import { allocateLetters, drawAddresses } from '../panel/lottery/stratify';
import { departmentBaseCommunes, importAddressBase } from '../panel/lottery/bases';
import { createCampaign } from '../panel/lottery/campaigns';
import { parisDay } from '$lib/paris-time';
import { campaignLetters } from '../panel/lottery/letters';

async function measure(label: string, runs: number, work: () => Promise<unknown>): Promise<void> {
	await work(); // warm up
	const start = performance.now();
	for (let i = 0; i < runs; i++) await work();
	const perRunMs = (performance.now() - start) / runs;
	console.log(`${label.padEnd(48)} ${perRunMs.toFixed(3).padStart(10)} ms   (${runs} runs)`);
}

export async function bench(): Promise<number> {
	const db = await createTestDatabase();
	let start = performance.now();
	await loadReferenceData(db);
	console.log(
		`${'reference data load (267 communes, 12 MDS)'.padEnd(48)} ${(performance.now() - start).toFixed(1).padStart(10)} ms`
	);

	start = performance.now();
	await db.transaction().execute(async (tx) => {
		for (let i = 0; i < 5000; i++) {
			await insertAccount(tx, {
				email: `personne${i}@exemple.fr`,
				displayName: `Personne ${i}`,
				role: i % 50 === 0 ? 'agent' : 'habitant',
				passwordHash: null
			});
		}
	});
	console.log(
		`${'insert 5,000 accounts (one transaction)'.padEnd(48)} ${(performance.now() - start).toFixed(1).padStart(10)} ms`
	);

	const admin = { id: 1, role: 'admin' as const, displayName: 'Bench' };
	const { token } = await createSession(db, 1);
	await measure('validate a session token (every request)', 5000, () =>
		validateSessionToken(db, token)
	);
	await measure('list communes of the département', 200, () => listCommunes(db, admin, {}));
	await measure('search communes "saint" (accent-folded)', 200, () =>
		listCommunes(db, admin, { q: 'saint' })
	);
	await measure('list users, page 1 of 5,000 accounts', 200, () => listUsers(db, admin, {}));
	await measure('search users among 5,000 accounts', 200, () =>
		listUsers(db, admin, { q: 'personne 42' })
	);
	start = performance.now();
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	console.log(
		`${'import the schéma (152 fiches, 36 flagship actions)'.padEnd(48)} ${(performance.now() - start).toFixed(1).padStart(10)} ms`
	);
	await measure('schema: all fiches with counts', 200, () => searchFiches(db, {}));
	await measure('schema: search "aidants repit" + filters', 200, () =>
		searchFiches(db, { q: 'aidants repit', component: 'sectoriel' })
	);
	const evaluation = await evaluateSuggestions(db);
	const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
	console.log(
		`${`suggestions: recall at 3 / at 5 (${evaluation.size} wordings)`.padEnd(48)} ${percent(evaluation.recallAt3).padStart(10)} / ${percent(evaluation.recallAt5)}`
	);
	for (const [set, figures] of Object.entries(evaluation.bySet))
		console.log(
			`${`  of which "${set}" (${figures.size})`.padEnd(48)} ${percent(figures.recallAt3).padStart(10)} / ${percent(figures.recallAt5)}`
		);
	benchThemes();
	await benchThemePages(db, measure);
	await measure('suggest fiches for one contribution', 200, () =>
		suggestFiches(db, 'un minibus et des permanences le samedi pour les aidants')
	);
	await measure('fiche page (SAN-09)', 500, () => getFicheByRef(db, 'SAN-09'));
	await measure('bilan des actions 2025 (whole document)', 50, () => buildBilan(db, 2025));
	await measure('open data CSV (whole plan)', 50, async () => toCsv(await openDataFiches(db)));
	const hash = await hashPassword('mot de passe de mesure');
	await measure('argon2id hash (sign-up, reset)', 5, () => hashPassword('mot de passe de mesure'));
	await measure('argon2id verify (sign-in)', 5, () =>
		verifyPassword(hash, 'mot de passe de mesure')
	);
	await benchAddressLottery(db, admin);
	await db.destroy();
	await benchPanel();
	await benchConsultations();
	if (process.env.TEST_DATABASE_URL) await benchConsultations(process.env.TEST_DATABASE_URL);
	await benchCrashes();
	return 0;
}

/** Residents answering while the server is killed, on SQLite and (when a server is at hand) PostgreSQL. */
function benchThemes(): void {
	const figures = evaluateThemes();
	const line = (label: string, a: ReturnType<typeof evaluateThemes>['all']) =>
		console.log(
			`${`${label} (${a.size} answers, ${a.labelledThemes} themes)`.padEnd(48)} ARI ${a.adjustedRand.toFixed(3)}, NMI ${a.mutualInformation.toFixed(3)}, ${a.foundThemes} themes found`
		);
	line('themes: agreement with hand labels', figures.all);
	line('  tuned on', figures.tuning);
	line('  held out', figures.heldOut);
	for (const count of [1_000, 10_000]) {
		const { milliseconds, themes } = timeTheming(count);
		console.log(
			`${`themes: ${count.toLocaleString('en')} answers (${themes} themes)`.padEnd(48)} ${milliseconds.toFixed(1).padStart(10)} ms`
		);
	}
}

/** The job on 10,000 contributions, then what the officer's two pages read. */
async function benchThemePages(db: Db, time: typeof measure): Promise<void> {
	const texts = syntheticAnswers(10_000);
	const now = new Date().toISOString();
	for (let i = 0; i < texts.length; i += 500)
		await db
			.insertInto('contribution')
			.values(
				texts.slice(i, i + 500).map((text) => ({
					source: 'terrain' as const,
					text,
					search_text: foldForSearch(text),
					created_at: now
				}))
			)
			.execute();
	const agent = actorOf(
		userFromRow(
			(await findUserRowByEmail(db, 'bench-agent@concerto.test')) ??
				(await insertAccount(db, {
					email: 'bench-agent@concerto.test',
					displayName: 'Agent de mesure',
					role: 'agent',
					passwordHash: null
				}))
		)
	);
	const ctx = { db, clock: systemClock, log: createLogger('text') };
	const start = performance.now();
	const id = await requestThemeAnalysis(ctx, agent, { source: 'terrain' });
	await runPendingThemeAnalyses(ctx);
	console.log(
		`${'themes job: 10,000 contributions (read, theme, store)'.padEnd(48)} ${(performance.now() - start).toFixed(1).padStart(10)} ms`
	);
	const analysis = await getThemeAnalysis(db, agent, id);
	await time(`themes page (${analysis.themes.length} themes, 10,000 contributions)`, 20, () =>
		getThemeAnalysis(db, agent, id)
	);
	await time(`a theme's page (${analysis.themes[0].size} contributions)`, 20, () =>
		getTheme(db, agent, analysis.themes[0].id)
	);
}

/** Stage 1 of the civic lottery (issue 20): a base of 200,000 addresses, 2,000 letters. */
async function benchAddressLottery(db: Db, actor: Actor): Promise<void> {
	const line = (label: string, ms: number, extra = '') =>
		console.log(`${`lottery: ${label}`.padEnd(48)} ${ms.toFixed(1).padStart(10)} ms${extra}`);
	const communes = await departmentBaseCommunes(db);
	const csv = Buffer.from(generatedAddressCsv(communes, 200_000));
	let start = performance.now();
	const imported = await importAddressBase(
		db,
		actor,
		(async function* () {
			for (let i = 0; i < csv.length; i += 64 * 1024) yield csv.subarray(i, i + 64 * 1024);
		})(),
		'bench.csv'
	);
	line(
		`import a BAN base (${imported.base!.addressCount.toLocaleString('en')} addresses)`,
		performance.now() - start,
		`   (${(csv.length / 1e6).toFixed(1)} MB, streamed, checked, stored)`
	);
	const byCommune = addressesByCommune(
		(await readAddressBase(csv, new Set(communes.map((c) => c.inseeCode)))).addresses
	);
	const allocation = allocateLetters(
		communes.map((c) => ({
			key: c.inseeCode,
			population: c.population,
			territory: '',
			available: byCommune.get(c.inseeCode)?.length ?? 0
		})),
		2000
	);
	start = performance.now();
	const drawn = drawAddresses(byCommune, allocation, '20261204');
	line(`draw ${drawn.length.toLocaleString('en')} addresses in memory`, performance.now() - start);
	start = performance.now();
	const id = await createCampaign(db, actor, {
		title: 'Mesure',
		purpose: '',
		letters: 2000,
		seed: '20261204',
		oversampling: {},
		falc: false,
		reminderDays: 21,
		closesOn: parisDay(new Date(Date.now() + 30 * 86_400_000))
	});
	line('campaign of 2,000 (base read, drawn, stored)', performance.now() - start);
	start = performance.now();
	const letters = await campaignLetters(db, actor, id, {
		origin: 'https://participation.exemple.fr',
		kind: 'lettres'
	});
	line(
		`write ${letters.count.toLocaleString('en')} letters (one PDF)`,
		performance.now() - start,
		`   (${(letters.pdf.length / 1e6).toFixed(1)} MB, 2 pages each)`
	);
}

async function benchCrashes(): Promise<void> {
	const engines = [null, process.env.TEST_DATABASE_URL || null].filter(
		(server, i) => i === 0 || server !== null
	);
	for (const postgresServer of engines) {
		const report = await crashLoad({
			postgresServer,
			kills: 5,
			secondsBetweenKills: 4,
			residents: 8
		});
		console.log(
			`${`SIGKILL under load (${report.engine})`.padEnd(48)} ${describeCrashLoad(report)}`
		);
	}
	if (engines.length === 1)
		console.log(
			'  (PostgreSQL : lancez `npm run bench` avec PostgreSQL installé pour le mesurer aussi)'
		);
}
