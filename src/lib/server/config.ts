// Configuration comes from the environment only (see README, "Configuration").
import { logFormatFrom, type LogFormat } from './log';
export interface AppConfig {
	/** A PostgreSQL address (DATABASE_URL), else the SQLite file (DATABASE_PATH). */
	database: string;
	/** PostgreSQL connections per process. */
	databasePoolSize: number;
	demo: boolean;
	smtpUrl: string | null;
	mailFrom: string;
	/** Public address of the site, used in links sent by e-mail. */
	origin: string | null;
	/** Public questionnaires one network address may submit per hour. */
	submissionsPerHour: number;
	/** `json` for one JSON object per log line (LOG_FORMAT). */
	logFormat: LogFormat;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	return {
		database: env.DATABASE_URL || env.DATABASE_PATH || 'data/concerto.sqlite',
		databasePoolSize: positiveInteger(env.DATABASE_POOL_SIZE, 10),
		demo: env.CONCERTO_DEMO === '1' || env.CONCERTO_DEMO === 'true',
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || 'Concerto <ne-pas-repondre@concerto.localhost>',
		origin: env.ORIGIN || null,
		submissionsPerHour: positiveInteger(env.SUBMISSIONS_PER_HOUR, 30),
		logFormat: logFormatFrom(env.LOG_FORMAT)
	};
}

function positiveInteger(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}
