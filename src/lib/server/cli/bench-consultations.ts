// `npm run bench`, consultations part: a generated consultation of 20
// questions with 100,000 responses in a database file, results computed on
// it, then the built server started on that file and loaded over HTTP with
// autocannon: the answering page, and agents' submissions.
import type { Channel } from '$lib/consultation-vocabulary';
import type { ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { createDatabase, type Db } from '../db/database';
import { scratchConsultation, scratchDatabase } from './scratch-database';
import { startServer } from './server-process';
import { migrateToLatest } from '../db/migrations';
import { loadReferenceData } from '../reference/seed';
import { hashPassword } from '../auth/password';
import { insertAccount } from '../users/queries';
import { actorOf, userFromRow } from '../users/user';
import {
	addQuestion,
	addSection,
	changeLifecycle,
	createConsultation
} from '../consultations/builder';
import { loadQuestionnaire } from '../consultations/queries';
import { allQuestions, type Questionnaire } from '../consultations/model';
import { fieldName, rankFieldName, toAnswerRows, type Answers } from '../consultations/answers';
import { computeBreakdown, computeResults } from '../consultations/results';
import { loadResultsPage } from '../consultations/results-page';
import { recountConsultation } from '../consultations/tallies';
import { questionInputOf, type QuestionInput } from '../consultations/schemas';

const RESPONSES = Number(process.env.BENCH_RESPONSES) || 100_000;
const PASSWORD = 'mot de passe du banc de mesure';
const lineOf = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);

const KINDS: QuestionInput['kind'][] = [
	'choix_unique',
	'choix_multiple',
	'echelle',
	'oui_non',
	'classement',
	'choix_unique',
	'choix_multiple',
	'echelle',
	'texte_long',
	'nombre',
	'choix_unique',
	'oui_non',
	'echelle',
	'choix_multiple',
	'texte_court',
	'date',
	'choix_unique',
	'echelle',
	'commune',
	'oui_non'
];

async function buildConsultation(db: Db, agentId: number): Promise<Questionnaire> {
	const agent = actorOf(
		userFromRow(
			await db.selectFrom('user').selectAll().where('id', '=', agentId).executeTakeFirstOrThrow()
		)
	);
	const id = await createConsultation(
		db,
		agent,
		scratchConsultation('Consultation de mesure (20 questions)', 'mesure')
	);
	let sectionId = (await loadQuestionnaire(db, id)).sections[0].id;
	for (const [i, kind] of KINDS.entries()) {
		if (i > 0 && i % 5 === 0)
			sectionId = await addSection(db, agent, id, {
				title: `Partie ${i / 5 + 1}`,
				description: ''
			});
		await addQuestion(
			db,
			agent,
			id,
			sectionId,
			questionInputOf({
				kind,
				label: `Question ${i + 1} de la consultation de mesure`,
				required: i === 0,
				options:
					'Première proposition\nDeuxième proposition\nTroisième proposition\nQuatrième proposition',
				allowOther: kind === 'choix_multiple',
				scaleMin: kind === 'echelle' ? 1 : undefined,
				scaleMax: kind === 'echelle' ? 5 : undefined,
				minLabel: 'Pas du tout',
				maxLabel: 'Tout à fait'
			})
		);
	}
	await changeLifecycle(db, agent, id, 'publish');
	return loadQuestionnaire(db, id);
}

function answersFor(questionnaire: Questionnaire, n: number, communes: string[]): Answers {
	const answers: Answers = {};
	for (const [i, q] of allQuestions(questionnaire).entries()) {
		const pick = (n * 7 + i * 13) % 97;
		const option = q.options[pick % q.options.length];
		switch (q.kind) {
			case 'choix_unique':
			case 'oui_non':
				answers[q.id] = { options: [option.id] };
				break;
			case 'choix_multiple':
				answers[q.id] = {
					options: q.options.filter((_, k) => (pick >> k) & 1 && k < 4).map((o) => o.id)
				};
				if (answers[q.id].options!.length === 0) answers[q.id] = { options: [q.options[0].id] };
				break;
			case 'classement':
				answers[q.id] = {
					ranking: [...q.options]
						.sort((a, b) => ((a.id * pick) % 11) - ((b.id * pick) % 11))
						.map((o) => o.id)
				};
				break;
			case 'echelle':
				answers[q.id] = { number: 1 + (pick % 5) };
				break;
			case 'nombre':
				answers[q.id] = { number: pick };
				break;
			case 'date':
				answers[q.id] = { text: `2026-0${1 + (pick % 9)}-1${pick % 10}` };
				break;
			case 'commune':
				answers[q.id] = { text: communes[pick % communes.length] };
				break;
			default:
				if (pick % 3 === 0)
					answers[q.id] = { text: `Idée numéro ${n} pour améliorer les services.` };
		}
	}
	return answers;
}

async function fillResponses(db: Db, questionnaire: Questionnaire) {
	const communes = await db.selectFrom('commune').select(['insee_code', 'territory_id']).execute();
	const codes = communes.map((c) => c.insee_code);
	const channels: Channel[] = ['web', 'web', 'web', 'telephone', 'papier', 'terrain'];
	const now = new Date().toISOString();
	const CHUNK = 2000;
	for (let start = 0; start < RESPONSES; start += CHUNK) {
		await db.transaction().execute(async (tx) => {
			const rows = Array.from({ length: Math.min(CHUNK, RESPONSES - start) }, (_, k) => {
				const n = start + k;
				const commune = communes[n % communes.length];
				return {
					consultation_id: questionnaire.consultationId,
					status: 'envoyee' as const,
					channel: channels[n % channels.length],
					audience: 'habitants' as const,
					receipt_code: `B${n.toString(36).toUpperCase().padStart(7, '0')}`,
					commune_insee_code: commune.insee_code,
					territory_id: commune.territory_id,
					age_band: ['18-24', '25-39', '40-59', '60-74', '75-plus'][n % 5],
					started_at: now,
					updated_at: now,
					submitted_at: now
				};
			});
			const ids: number[] = [];
			for (let i = 0; i < rows.length; i += 500) {
				const inserted = await tx
					.insertInto('response')
					.values(rows.slice(i, i + 500))
					.returning('id')
					.execute();
				ids.push(...inserted.map((r) => r.id));
			}
			const answerRows = ids.flatMap((id, k) =>
				toAnswerRows(questionnaire, answersFor(questionnaire, start + k, codes)).map((row) => ({
					...row,
					response_id: id
				}))
			);
			for (let i = 0; i < answerRows.length; i += 1000)
				await tx
					.insertInto('answer')
					.values(answerRows.slice(i, i + 1000))
					.execute();
		});
	}
}

async function timed<T>(
	line: (label: string, value: string) => void,
	label: string,
	runs: number,
	work: () => Promise<T>
): Promise<T> {
	let result = await work();
	const start = performance.now();
	for (let i = 0; i < runs; i++) result = await work();
	line(
		label,
		`${((performance.now() - start) / runs).toFixed(1).padStart(10)} ms   (${runs} runs)`
	);
	return result;
}

function cookieOf(response: Response, name: string): string {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
	if (!cookie) throw new Error(`Pas de cookie ${name}.`);
	return cookie.split(';')[0];
}

/** The JavaScript a real browser downloads for the page, each file gzipped as served compressed. */
async function javascriptOf(
	url: string,
	cookie: string
): Promise<{ files: number; gzipBytes: number }> {
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const context = await browser.newContext();
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url }]);
		const page = await context.newPage();
		const scripts: Promise<number>[] = [];
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script')
				scripts.push(response.body().then((body) => gzipSync(body).length));
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		const sizes = await Promise.all(scripts);
		return { files: sizes.length, gzipBytes: sizes.reduce((a, b) => a + b, 0) };
	} finally {
		await browser.close();
	}
}

/** The consultation figures on one engine: SQLite, or PostgreSQL on the server given. */
export async function benchConsultations(postgresServer: string | null = null): Promise<void> {
	const scratch = await scratchDatabase('bench', postgresServer);
	const path = scratch.location;
	const line = (label: string, value: string) => lineOf(`[${scratch.engine}] ${label}`, value);
	const db = createDatabase(path);
	let server: ChildProcess | null = null;
	let bare: ChildProcess | null = null;
	try {
		await migrateToLatest(db);
		await loadReferenceData(db);
		const agent = await insertAccount(db, {
			email: 'agent.mesure@exemple.fr',
			displayName: 'Agent de mesure',
			role: 'agent',
			passwordHash: await hashPassword(PASSWORD)
		});
		const questionnaire = await buildConsultation(db, agent.id);
		const start = performance.now();
		await fillResponses(db, questionnaire);
		const answers = await db
			.selectFrom('answer')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		line(
			`store ${RESPONSES.toLocaleString('en')} responses (${Number(answers.n).toLocaleString('en')} answer rows)`,
			`${(performance.now() - start).toFixed(0).padStart(10)} ms`
		);
		// Written straight into the tables above, so counted here in one go, as
		// the migration that introduced the counts did for existing responses.
		const recount = performance.now();
		await recountConsultation(db, questionnaire.consultationId);
		line(
			'  count them for results (the migration’s one-off work)',
			`${(performance.now() - recount).toFixed(0).padStart(10)} ms`
		);
		await timed(line, 'results of 100,000 responses, 20 questions', 5, () =>
			computeResults(db, questionnaire)
		);
		await timed(line, '  same, filtered on one territory', 5, () =>
			computeResults(db, questionnaire, { territory: 'sud' })
		);
		await timed(line, '  breakdown by channel', 5, () =>
			computeBreakdown(db, questionnaire, 'canal')
		);
		await timed(line, '  breakdown by territory, filtered on one age band', 5, () =>
			computeBreakdown(db, questionnaire, 'territoire', { age: '40-59' })
		);
		await timed(line, '  public page, one territory (disclosure control)', 3, () =>
			loadResultsPage(db, questionnaire, new URL('http://bench/resultats?territoire=sud'), {
				threshold: 5
			})
		);
		await db.destroy();

		const port = 4500 + Math.floor(Math.random() * 400);
		const origin = `http://127.0.0.1:${port}`;
		// BENCH_CPU_PROF=DIR: the app server writes a V8 CPU profile there when it stops.
		const profile = process.env.BENCH_CPU_PROF;
		server = await startServer(path, port, {
			nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []
		});
		const started = await fetch(`${origin}/consultations/mesure?/start`, {
			method: 'POST',
			headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: '',
			redirect: 'manual'
		});
		const draft = cookieOf(started, `reponse_${questionnaire.consultationId}`);
		const js = await javascriptOf(`${origin}/consultations/mesure/etape/1`, draft);
		line(
			'answering page: JavaScript loaded (gzip)',
			`${(js.gzipBytes / 1024).toFixed(1).padStart(10)} kB   (${js.files} files)`
		);
		const render = await autocannon({
			url: `${origin}/consultations/mesure/etape/1`,
			headers: { Cookie: draft, Accept: 'text/html' },
			connections: 10,
			duration: 5
		});
		line(
			'answering page (5 questions) over HTTP',
			`${render.latency.p50.toFixed(1).padStart(10)} ms p50, ${render.latency.p99.toFixed(1)} ms p99, ${render.requests.average.toFixed(0)} req/s`
		);

		const login = await fetch(`${origin}/connexion`, {
			method: 'POST',
			headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'agent.mesure@exemple.fr', password: PASSWORD }),
			redirect: 'manual'
		});
		const session = cookieOf(login, 'session');
		const form = new URLSearchParams({ channel: 'telephone' });
		const sample = answersFor(questionnaire, 42, ['41018']);
		for (const q of allQuestions(questionnaire)) {
			const a = sample[q.id];
			if (!a) continue;
			if (a.options) for (const o of a.options) form.append(fieldName(q), String(o));
			else if (a.ranking)
				a.ranking.forEach((o, r) => form.append(rankFieldName(q, o), String(r + 1)));
			else if (a.number !== undefined) form.append(fieldName(q), String(a.number));
			else if (a.text !== undefined) form.append(fieldName(q), a.text);
		}
		form.set(
			fieldName(allQuestions(questionnaire)[1]),
			String(allQuestions(questionnaire)[1].options[0].id)
		);
		if (process.env.BENCH_DEBUG) {
			form.set('submissionKey', 'mesuredebug000000001');
			const probe = await fetch(
				`${origin}/admin/consultations/${questionnaire.consultationId}/saisie`,
				{
					method: 'POST',
					headers: {
						Cookie: session,
						Origin: origin,
						'Content-Type': 'application/x-www-form-urlencoded'
					},
					body: form.toString(),
					redirect: 'manual'
				}
			);
			console.log(
				probe.status,
				(await probe.text())
					.replace(/<[^>]+>/g, ' ')
					.replace(/\s+/g, ' ')
					.slice(0, 3000)
			);
		}
		// Agents' submissions, as a browser without JavaScript sends them (the
		// page rendered again) and as the enhanced form does (the result alone).
		let counter = 0;
		const submissions = async (enhanced: boolean) => {
			const before = await countResponses(path);
			const entry = await autocannon({
				url: `${origin}/admin/consultations/${questionnaire.consultationId}/saisie`,
				connections: 10,
				duration: 5,
				requests: [
					{
						method: 'POST',
						headers: {
							Cookie: session,
							Origin: origin,
							'Content-Type': 'application/x-www-form-urlencoded',
							...(enhanced
								? { Accept: 'application/json', 'x-sveltekit-action': 'true' }
								: { Accept: 'text/html' })
						},
						setupRequest: (request) => {
							form.set('submissionKey', `mesure${(counter++).toString().padStart(12, '0')}`);
							return { ...request, body: form.toString() };
						}
					}
				]
			});
			const rate = ((await countResponses(path)) - before) / 5;
			return { rate, entry };
		};
		const page = await submissions(false);
		line(
			'submissions over HTTP (agent entry, 20 answers, no JS)',
			`${page.rate.toFixed(0).padStart(10)} accepted/s (${page.entry['2xx']} 2xx, ${page.entry.non2xx} other, p50 ${page.entry.latency.p50} ms)`
		);
		const enhanced = await submissions(true);
		line(
			'  same, enhanced form (the result without the page)',
			`${enhanced.rate.toFixed(0).padStart(10)} accepted/s (${enhanced.entry['2xx']} 2xx, ${enhanced.entry.non2xx} other, p50 ${enhanced.entry.latency.p50} ms)`
		);
		const appRate = enhanced.rate;
		server.removeAllListeners('exit');
		const stopped = new Promise((resolve) => server!.once('exit', resolve));
		server.kill('SIGTERM');
		await stopped;
		server = null;

		// The yardstick: a bare node:http handler storing the same form in the same database.
		const barePort = port + 1;
		bare = await startServer(path, barePort, {
			script: 'scripts/bare-submission-server.js',
			args: [String(barePort), String(questionnaire.consultationId)]
		});
		const before = await countResponses(path);
		const yardstick = await autocannon({
			url: `http://127.0.0.1:${barePort}/`,
			connections: 10,
			duration: 5,
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString()
		});
		const bareRate = ((await countResponses(path)) - before) / 5;
		line(
			'  bare node:http handler storing the same form',
			`${bareRate.toFixed(0).padStart(10)} accepted/s (p50 ${yardstick.latency.p50} ms): the app does ${((100 * appRate) / bareRate).toFixed(1)} % of it`
		);
	} finally {
		server?.kill();
		bare?.kill();
		if (process.env.BENCH_KEEP) console.log(`Base gardée : ${path}`);
		else await scratch.drop();
	}
}

async function countResponses(location: string): Promise<number> {
	const db = createDatabase(location, { poolSize: 1 });
	try {
		const row = await db
			.selectFrom('response')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	} finally {
		await db.destroy();
	}
}
