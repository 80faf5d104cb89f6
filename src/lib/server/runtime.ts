// The process-wide database and mailer, opened once at start-up.
import { readConfig, type AppConfig } from './config';
import { createDatabase, databaseLabel, type Db } from './db/database';
import { INSTANCE_LOCKS, withInstanceLock } from './db/concurrency';
import { migrateToLatest } from './db/migrations';
import { createMailer, type Mailer } from './mail/mailer';
import { systemClock, type Context } from './context';
import { hasReferenceData, loadReferenceData } from './reference/seed';
import { deleteExpiredSessions } from './auth/sessions';
import { pruneRateLimits } from './security/rate-limit';
import { fillMissingSearchText } from './contributions/search-text';
import { JOB_INTERVAL_MS, runBackgroundJobs } from './jobs/background';
import { createLogger, type Logger } from './log';

interface Runtime {
	config: AppConfig;
	db: Db;
	mailer: Mailer;
	log: Logger;
}

let runtime: Runtime | null = null;

export function getRuntime(): Runtime {
	if (!runtime) {
		const config = readConfig();
		const log = createLogger(config.logFormat);
		runtime = {
			config,
			db: createDatabase(config.database, {
				poolSize: config.databasePoolSize,
				onConnectionLost: (error) => log.warn('PostgreSQL : connexion perdue', { error })
			}),
			mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
			log
		};
	}
	return runtime;
}

let requestsRunning = 0;

/**
 * Counts a request while its handler runs. adapter-node's shutdown waits for
 * connections, but a handler whose client went away (a timeout, a closed
 * tab) still runs: the database closes only after it.
 */
export async function whileServing<T>(handle: () => Promise<T>): Promise<T> {
	requestsRunning++;
	try {
		return await handle();
	} finally {
		requestsRunning--;
	}
}

/** Stops the jobs (waiting for a run in progress) and, once no handler runs, closes the database. */
export async function closeRuntime(graceMs = 30_000): Promise<void> {
	stopping = true;
	if (jobs) clearInterval(jobs);
	jobs = null;
	await jobsRunning;
	const deadline = Date.now() + graceMs;
	while (requestsRunning > 0 && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 20));
	await runtime?.db.destroy();
	runtime = null;
}

/**
 * The site's address in links sent out (e-mails, calendars, letters): ORIGIN
 * when set, as in production behind a proxy; else the address the request
 * came to, or the local demo's for background jobs.
 */
export function siteOrigin(url?: URL): string {
	return getRuntime().config.origin ?? url?.origin ?? 'http://localhost:3000';
}

/**
 * The context services run in: the process's database, mailer and clock, and
 * the site's address as seen from this request (or ORIGIN for background jobs).
 */
export function getContext(url?: URL): Context {
	const { db, mailer, config, log } = getRuntime();
	return {
		db,
		mailer,
		origin: siteOrigin(url),
		clock: systemClock,
		submissionsPerHour: config.submissionsPerHour,
		log
	};
}

export function getLogger(): Logger {
	return getRuntime().log;
}

export function getDb(): Db {
	return getRuntime().db;
}

/** Brings the database up to date; in demo mode, fills it on first start. */
export async function startRuntime(): Promise<void> {
	const { db, config, log } = getRuntime();
	// Several instances may start at once: one migrates and seeds, the others wait and find it done.
	await withInstanceLock(db, INSTANCE_LOCKS.startup, async () => {
		await migrateToLatest(db);
		if (!(await hasReferenceData(db))) await loadReferenceData(db);
		if (config.demo) {
			// Loaded only in demo mode, so production code never depends on the demo data.
			const { demoBanner, seedDemoData } = await import('./demo/seed');
			// Idempotent: a demo database from an earlier version gets what it lacks.
			await seedDemoData(db);
			console.log(demoBanner(siteOrigin()));
		}
	});
	await deleteExpiredSessions(db);
	await pruneRateLimits(db);
	await fillMissingSearchText(db);
	startBackgroundJobs();
	stopOnShutdown();
	log.info('Concerto est prêt.', { event: 'start', database: databaseLabel(config.database) });
}

let jobs: NodeJS.Timeout | null = null;
let jobsRunning: Promise<unknown> | null = null;
let stopping = false;

/** Whether the process is shutting down (readiness then answers no). */
export function isStopping(): boolean {
	return stopping;
}

/** The jobs every quarter of an hour (see jobs/background.ts); the timer never keeps the process alive. */
function startBackgroundJobs(): void {
	if (jobs) return;
	const run = () => {
		if (stopping || jobsRunning) return;
		jobsRunning = runBackgroundJobs(getContext(), getRuntime().log).finally(() => {
			jobsRunning = null;
		});
	};
	jobs = setInterval(run, JOB_INTERVAL_MS);
	jobs.unref();
	run();
}

/**
 * adapter-node stops accepting connections on SIGTERM or SIGINT, lets the
 * requests in flight finish, then emits `sveltekit:shutdown`: the jobs
 * running then finish too (no new run starts), and the database closes.
 */
function stopOnShutdown(): void {
	process.once('SIGTERM', () => (stopping = true));
	process.once('SIGINT', () => (stopping = true));
	process.once('sveltekit:shutdown' as 'beforeExit', async () => {
		const log = getRuntime().log;
		log.info('Arrêt : requêtes en cours terminées, fin des tâches de fond…', { event: 'stop' });
		await closeRuntime();
		log.info('Arrêt terminé.', { event: 'stopped' });
	});
}
