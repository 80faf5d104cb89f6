// The process-wide database and mailer, opened once at start-up.
import { readConfig, type AppConfig } from './config';
import { createDatabase, type Db } from './db/database';
import { migrateToLatest } from './db/migrations';
import { createMailer, type Mailer } from './mail/mailer';
import { systemClock, type Context } from './context';
import { hasReferenceData, loadReferenceData } from './reference/seed';
import { deleteExpiredSessions } from './auth/sessions';
import { pruneRateLimits } from './security/rate-limit';
import { sendEventReminders } from './events/reminders';
import { sendMandateReminders } from './panel/mandate-reminders';
import { fillMissingSearchText } from './contributions/search-text';
import { sendContributionDigests } from './contributions/digests';
import { processRetourDeliveries } from './retours/delivery';
import { runRetentionIfDue } from './privacy/retention';

interface Runtime {
	config: AppConfig;
	db: Db;
	mailer: Mailer;
}

let runtime: Runtime | null = null;

export function getRuntime(): Runtime {
	if (!runtime) {
		const config = readConfig();
		runtime = {
			config,
			db: createDatabase(config.database, { poolSize: config.databasePoolSize }),
			mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom })
		};
	}
	return runtime;
}

export async function closeRuntime(): Promise<void> {
	if (jobs) clearInterval(jobs);
	jobs = null;
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
	const { db, mailer, config } = getRuntime();
	return {
		db,
		mailer,
		origin: siteOrigin(url),
		clock: systemClock,
		submissionsPerHour: config.submissionsPerHour
	};
}

export function getDb(): Db {
	return getRuntime().db;
}

/** Brings the database up to date; in demo mode, fills it on first start. */
export async function startRuntime(): Promise<void> {
	const { db, config } = getRuntime();
	await migrateToLatest(db);
	if (!(await hasReferenceData(db))) await loadReferenceData(db);
	if (config.demo) {
		// Loaded only in demo mode, so production code never depends on the demo data.
		const { demoBanner, seedDemoData } = await import('./demo/seed');
		// Idempotent: a demo database from an earlier version gets what it lacks.
		await seedDemoData(db);
		console.log(demoBanner(siteOrigin()));
	}
	await deleteExpiredSessions(db);
	await pruneRateLimits(db);
	await fillMissingSearchText(db);
	startBackgroundJobs();
}

const JOB_INTERVAL_MS = 15 * 60 * 1000;
let jobs: NodeJS.Timeout | null = null;

/** Reminders, digests and retours every quarter of an hour, retention daily; the timer never keeps the process alive. */
function startBackgroundJobs(): void {
	if (jobs) return;
	const run = async () => {
		const ctx = getContext();
		try {
			await sendEventReminders(ctx);
		} catch (error) {
			console.error('Rappels d’événements :', error);
		}
		try {
			await sendMandateReminders(ctx);
		} catch (error) {
			console.error('Rappels de fin de mandat :', error);
		}
		try {
			await sendContributionDigests(ctx);
		} catch (error) {
			console.error('Nouvelles des contributions :', error);
		}
		try {
			const retention = await runRetentionIfDue(ctx);
			if (retention)
				console.log(
					`Durées de conservation : ${retention.total} enregistrement(s) effacé(s) ou anonymisé(s).`
				);
		} catch (error) {
			console.error('Durées de conservation :', error);
		}
		try {
			await processRetourDeliveries(ctx);
		} catch (error) {
			console.error('Envoi des retours :', error);
		}
	};
	jobs = setInterval(run, JOB_INTERVAL_MS);
	jobs.unref();
	void run();
}
