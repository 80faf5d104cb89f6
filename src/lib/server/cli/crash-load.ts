// Nothing lost when the server dies: residents answer a consultation over
// HTTP without pause while the built server is killed with SIGKILL and
// started again, several times; then every receipt code a resident was
// shown must belong to a response stored whole, and no sent response may be
// missing a part. Run by `npm run bench` (both engines) and, bounded, by the
// browser tests (tests/crash.e2e.ts): `node scripts/cli.js crash-load`.
import type { ChildProcess } from 'node:child_process';
import { createDatabase, type Db } from '../db/database';
import { scratchConsultation, scratchDatabase } from './scratch-database';
import { startServer } from './server-process';
import { migrateToLatest } from '../db/migrations';
import { loadReferenceData } from '../reference/seed';
import { insertAccount } from '../users/queries';
import { actorOf, userFromRow } from '../users/user';
import { hashPassword } from '../auth/password';
import { addQuestion, changeLifecycle, createConsultation } from '../consultations/builder';
import { loadQuestionnaire } from '../consultations/queries';
import { questionInputOf } from '../consultations/schemas';
import { fieldName } from '../consultations/answers';
import type { Questionnaire } from '../consultations/model';

export interface CrashLoadOptions {
	/** A PostgreSQL server (`postgres://…/postgres`) to run on, in a database created for the run; SQLite otherwise. */
	postgresServer?: string | null;
	/** How many times the server is killed. */
	kills: number;
	/** How long residents answer between two kills. */
	secondsBetweenKills: number;
	/** Residents answering at once. */
	residents: number;
}

export interface CrashLoadReport {
	engine: 'sqlite' | 'postgres';
	kills: number;
	/** Answers sent (the submitting request was made). */
	attempts: number;
	/** Receipt codes residents were shown. */
	receipts: number;
	/** Sent responses in the database (some were committed just before a kill, their code never shown). */
	stored: number;
	/** Receipt codes shown whose response is not in the database, complete. */
	lost: string[];
	/** Sent responses missing an answer or their contribution, or drafts holding answer rows. */
	halfWritten: number;
	/** Responses and answers the counts for results miss or count twice. */
	miscounted: number;
	/** Requests cut by a kill. */
	cut: number;
	seconds: number;
}

const RECEIPT = /\b[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\b/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function prepareDatabase(location: string): Promise<Questionnaire> {
	const db = createDatabase(location, { poolSize: 2 });
	try {
		await migrateToLatest(db);
		await loadReferenceData(db);
		const row = await insertAccount(db, {
			email: 'agent.crash@exemple.fr',
			displayName: 'Agent du test de panne',
			role: 'agent',
			passwordHash: await hashPassword('mot de passe du test de panne')
		});
		const agent = actorOf(userFromRow(row));
		const id = await createConsultation(
			db,
			agent,
			scratchConsultation('Consultation du test de panne', 'panne')
		);
		const sectionId = (await loadQuestionnaire(db, id)).sections[0].id;
		const questions = [
			questionInputOf({ kind: 'oui_non', label: 'Connaissez-vous la MDS ?', required: true }),
			questionInputOf({
				kind: 'echelle',
				label: 'Votre satisfaction',
				required: true,
				scaleMin: 1,
				scaleMax: 5,
				minLabel: 'Pas du tout',
				maxLabel: 'Tout à fait'
			}),
			questionInputOf({ kind: 'texte_long', label: 'Une idée ?', required: true })
		];
		for (const question of questions) await addQuestion(db, agent, id, sectionId, question);
		await changeLifecycle(db, agent, id, 'publish');
		return await loadQuestionnaire(db, id);
	} finally {
		await db.destroy();
	}
}

/** One resident: opens the questionnaire, answers, sends, reads her code. */
async function answerOnce(origin: string, questionnaire: Questionnaire, n: number) {
	const [yesNo, scale, idea] = questionnaire.sections[0].questions;
	const slug = 'panne';
	const started = await fetch(`${origin}/consultations/${slug}?/start`, {
		method: 'POST',
		headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: '',
		redirect: 'manual'
	});
	const cookie = started.headers
		.getSetCookie()
		.find((c) => c.startsWith(`reponse_${questionnaire.consultationId}=`))
		?.split(';')[0];
	if (!cookie) throw new Error(`Pas de brouillon (${started.status}).`);
	const form = new URLSearchParams({
		[fieldName(yesNo)]: String(yesNo.options[n % 2].id),
		[fieldName(scale)]: String(1 + (n % 5)),
		[fieldName(idea)]: `Idée numéro ${n} : un bus le samedi.`,
		intent: 'envoyer'
	});
	const sent = await fetch(`${origin}/consultations/${slug}/etape/1`, {
		method: 'POST',
		headers: {
			Origin: origin,
			Cookie: cookie,
			Accept: 'text/html',
			'Content-Type': 'application/x-www-form-urlencoded'
		},
		body: form.toString(),
		redirect: 'manual'
	});
	if (sent.status !== 303) throw new Error(`Envoi refusé (${sent.status}).`);
	const thanks = await fetch(`${origin}/consultations/${slug}/merci`, {
		headers: { Cookie: cookie, Accept: 'text/html' }
	});
	const code = (await thanks.text()).match(RECEIPT)?.[0];
	if (!code) throw new Error(`Pas de code de suivi (${thanks.status}).`);
	return code;
}

async function check(location: string, receipts: Set<string>) {
	const db: Db = createDatabase(location, { poolSize: 2 });
	try {
		const sent = await db
			.selectFrom('response')
			.leftJoin('answer', 'answer.response_id', 'response.id')
			.select((eb) => [
				'response.id',
				'response.receipt_code',
				eb.fn.count<number>('answer.id').as('answers')
			])
			.where('response.status', '=', 'envoyee')
			.groupBy(['response.id', 'response.receipt_code'])
			.execute();
		const withText = new Set(
			(await db.selectFrom('contribution').select('response_id').execute()).map(
				(c) => c.response_id
			)
		);
		const whole = new Set(
			sent
				.filter((r) => Number(r.answers) === 3 && withText.has(r.id) && r.receipt_code)
				.map((r) => r.receipt_code!)
		);
		const draftsWithAnswers = await db
			.selectFrom('answer')
			.innerJoin('response', 'response.id', 'answer.response_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('response.status', '!=', 'envoyee')
			.executeTakeFirstOrThrow();
		// The counts results read are written in the same transaction: after a
		// kill they still match the responses and answers stored.
		const [responsesCounted, answersCounted] = await Promise.all([
			db
				.selectFrom('response_tally')
				.select((eb) => eb.fn.sum<number>('n').as('n'))
				.executeTakeFirstOrThrow(),
			db
				.selectFrom('answer_tally')
				.select((eb) => eb.fn.sum<number>('n').as('n'))
				.executeTakeFirstOrThrow()
		]);
		const answersStored = sent.reduce((sum, r) => sum + Number(r.answers), 0);
		return {
			stored: sent.length,
			lost: [...receipts].filter((code) => !whole.has(code)),
			halfWritten: sent.length - whole.size + Number(draftsWithAnswers.n),
			miscounted:
				Math.abs(Number(responsesCounted.n ?? 0) - sent.length) +
				Math.abs(Number(answersCounted.n ?? 0) - answersStored)
		};
	} finally {
		await db.destroy();
	}
}

export async function crashLoad(options: CrashLoadOptions): Promise<CrashLoadReport> {
	const started = Date.now();
	const scratch = await scratchDatabase('crash', options.postgresServer ?? null);
	const { location } = scratch;
	const port = 4900 + Math.floor(Math.random() * 90);
	const origin = `http://127.0.0.1:${port}`;
	let server: ChildProcess | null = null;
	try {
		const questionnaire = await prepareDatabase(location);
		server = await startServer(location, port, { env: { DATABASE_POOL_SIZE: '5' } });
		const receipts = new Set<string>();
		let attempts = 0;
		let cut = 0;
		let running = true;
		let counter = 0;
		const resident = async () => {
			while (running) {
				attempts++;
				try {
					receipts.add(await answerOnce(origin, questionnaire, counter++));
				} catch {
					cut++;
					await sleep(20);
				}
			}
		};
		const residents = Array.from({ length: options.residents }, resident);
		for (let kill = 0; kill < options.kills; kill++) {
			await sleep(options.secondsBetweenKills * 1000);
			server.removeAllListeners('exit');
			server.kill('SIGKILL');
			await new Promise((resolve) => server!.once('exit', resolve));
			server = await startServer(location, port, { env: { DATABASE_POOL_SIZE: '5' } });
		}
		await sleep(options.secondsBetweenKills * 1000);
		running = false;
		await Promise.all(residents);
		server.removeAllListeners('exit');
		server.kill('SIGTERM');
		await new Promise((resolve) => server!.once('exit', resolve));
		server = null;
		const checked = await check(location, receipts);
		return {
			engine: scratch.engine,
			kills: options.kills,
			attempts,
			receipts: receipts.size,
			cut,
			seconds: (Date.now() - started) / 1000,
			...checked
		};
	} finally {
		if (server) {
			server.removeAllListeners('exit');
			server.kill('SIGKILL');
		}
		await scratch.drop();
	}
}

/** `crash-load [--kills N] [--seconds S] [--residents R] [--postgres SERVER_URL] [--json]` */
export async function crashLoadCommand(args: string[]): Promise<number> {
	const value = (flag: string) => {
		const i = args.indexOf(flag);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const report = await crashLoad({
		postgresServer: value('--postgres') ?? null,
		kills: Number(value('--kills') ?? 3),
		secondsBetweenKills: Number(value('--seconds') ?? 3),
		residents: Number(value('--residents') ?? 8)
	});
	if (args.includes('--json')) console.log(JSON.stringify(report));
	else console.log(describeCrashLoad(report));
	return report.lost.length || report.halfWritten || report.miscounted ? 1 : 0;
}

export function describeCrashLoad(report: CrashLoadReport): string {
	return `${report.kills} SIGKILL, ${report.receipts} codes de suivi montrés, ${report.stored} réponses envoyées en base, ${report.lost.length} perdue(s), ${report.halfWritten} à moitié écrite(s), ${report.miscounted} mal comptée(s) (${report.cut} requêtes coupées, ${report.seconds.toFixed(0)} s)`;
}
