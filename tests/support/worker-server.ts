// Each Playwright worker runs its own app server on its own copy of the
// demonstration database, so workers never see each other's changes. The
// copy comes from a template seeded once, with the demo accounts' sessions
// (global-setup.ts); ports and files follow the worker's parallel index.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const FIRST_APP_PORT = 4173;
const FIRST_SMTP_PORT = 2526;
export const TEMPLATE_PORT = 4170;
export const TEMPLATE_DATABASE = 'data/e2e-template.sqlite';
export const MAIL_FROM = 'Concerto <concerto@exemple.fr>';

/** 0 … workers − 1; a worker that replaces a failed one takes its index. */
export function workerIndex(): number {
	return Number(process.env.TEST_PARALLEL_INDEX ?? 0);
}

export const workerPort = () => FIRST_APP_PORT + workerIndex();
export const workerOrigin = () => `http://127.0.0.1:${workerPort()}`;
/** The port this worker's app sends its e-mails to (tests listen on it). */
export const workerSmtpPort = () => FIRST_SMTP_PORT + workerIndex();
export const workerDatabasePath = () => `data/e2e-${workerIndex()}.sqlite`;

/**
 * With E2E_ON_POSTGRES (`npm run test:e2e:postgres`, which starts a server
 * and names it in TEST_DATABASE_URL) the template and each worker's database
 * are PostgreSQL databases, copied with CREATE DATABASE … TEMPLATE;
 * otherwise SQLite files.
 */
const postgresServer = (process.env.E2E_ON_POSTGRES && process.env.TEST_DATABASE_URL) || null;
export const onPostgres = postgresServer !== null;

export function postgresUrl(database: string): string {
	const url = new URL(postgresServer!);
	url.pathname = `/${database}`;
	return url.toString();
}

const TEMPLATE_POSTGRES = 'concerto_e2e_template';
/** Where the template lives: a SQLite file or a PostgreSQL address. */
export const templateDatabase = () =>
	onPostgres ? postgresUrl(TEMPLATE_POSTGRES) : TEMPLATE_DATABASE;
/** This worker's database: a SQLite file or a PostgreSQL address. */
export const workerDatabase = () =>
	onPostgres ? postgresUrl(`concerto_e2e_${workerIndex()}`) : workerDatabasePath();

/** Runs SQL on the PostgreSQL server (psql, synchronously, as the SQLite helpers are). */
export function psql(database: string, query: string, variables: Record<string, string> = {}) {
	const args = [postgresUrl(database), '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1'];
	for (const [name, value] of Object.entries(variables)) args.push('-v', `${name}=${value}`);
	return execFileSync('psql', args, {
		input: query,
		encoding: 'utf8',
		env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' }
	}).trim();
}

/** A fresh template database to seed (PostgreSQL), or none (SQLite: the file is removed). */
export function resetTemplate(): void {
	if (!onPostgres) return removeDatabase(TEMPLATE_DATABASE);
	psql(
		'postgres',
		`drop database if exists ${TEMPLATE_POSTGRES} with (force); create database ${TEMPLATE_POSTGRES};`
	);
}

export function removeDatabase(path: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

export interface AppServer {
	origin: string;
	stop(): Promise<void>;
}

/** Starts the built app in demo mode (as `npm run demo`) on `database` (a file or an address). */
export async function startAppServer(
	port: number,
	database: string,
	smtpPort: number
): Promise<AppServer> {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/demo.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			...(onPostgres ? { DATABASE_URL: database } : { DATABASE_PATH: database }),
			SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
			MAIL_FROM
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let errors = '';
	child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
	await waitUntilUp(origin, child, () => errors);
	return { origin, stop: () => stopProcess(child) };
}

async function waitUntilUp(origin: string, child: ChildProcess, errors: () => string) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`Le serveur de test s’est arrêté (${child.exitCode}) : ${errors()}`);
		const up = await fetch(`${origin}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	child.kill('SIGKILL');
	throw new Error(`Le serveur de test n’a pas répondu sur ${origin} : ${errors()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** This worker's server, on a fresh copy of the template database. */
export async function startWorkerServer(): Promise<AppServer> {
	if (onPostgres) {
		const name = `concerto_e2e_${workerIndex()}`;
		psql(
			'postgres',
			`drop database if exists ${name} with (force); create database ${name} template ${TEMPLATE_POSTGRES};`
		);
		return startAppServer(workerPort(), workerDatabase(), workerSmtpPort());
	}
	mkdirSync('data', { recursive: true });
	const path = workerDatabasePath();
	removeDatabase(path);
	copyFileSync(TEMPLATE_DATABASE, path);
	return startAppServer(workerPort(), path, workerSmtpPort());
}
