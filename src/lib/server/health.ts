// What a load balancer or an orchestrator asks: is the process alive
// (/healthz, without touching the database), and may it be sent requests
// (/readyz: the database answers, every migration has run, not stopping).
import { sql } from 'kysely';
import type { Db } from './db/database';
import { pendingMigrations } from './db/migrations';

export interface Readiness {
	ready: boolean;
	checks: { database: 'ok' | 'injoignable'; migrations: 'ok' | string; arret: boolean };
}

/** Answers within `timeoutMs`, so that a hung database reads as not ready instead of hanging the probe. */
export async function readiness(db: Db, stopping: boolean, timeoutMs = 2000): Promise<Readiness> {
	const checks: Readiness['checks'] = { database: 'ok', migrations: 'ok', arret: stopping };
	const deadline = new Promise<never>((_, reject) =>
		setTimeout(() => reject(new Error('délai dépassé')), timeoutMs).unref()
	);
	try {
		await Promise.race([sql`select 1`.execute(db), deadline]);
		const pending = await Promise.race([pendingMigrations(db), deadline]);
		if (pending.length) checks.migrations = `${pending.length} migration(s) en attente`;
	} catch {
		checks.database = 'injoignable';
	}
	return {
		ready: checks.database === 'ok' && checks.migrations === 'ok' && !stopping,
		checks
	};
}
