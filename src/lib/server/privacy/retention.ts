// The retention job: every purpose of the table swept with the period in
// force, in one transaction, and logged with its counts. A dry run does the
// same work and rolls it back, so what it announces is exactly what would go.
import { releaseLease, takeLease } from '../jobs/lease';
import type { Executor } from '../db/database';
import type { Context } from '../context';
import { fromDbDate, fromDbJson, toDbDate, toDbJson, fromDbBool, toDbBool } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { PURPOSES } from './purposes';
import { getRetentionPeriods } from './periods';
import { SWEEPS, sweepContext } from './sweeps';

export type RetentionCounts = Record<string, number>;

export interface RetentionRun {
	id: number;
	ranAt: Date;
	dryRun: boolean;
	counts: RetentionCounts;
	total: number;
	actorLabel: string;
	error: string | null;
}

class RollBack extends Error {}

async function sweepAll(tx: Executor, now: Date): Promise<RetentionCounts> {
	const periods = await getRetentionPeriods(tx);
	const counts: RetentionCounts = {};
	for (const purpose of PURPOSES) {
		const sweep = SWEEPS[purpose.code];
		if (!sweep) continue;
		counts[purpose.code] = await sweep(tx, sweepContext(now, periods[purpose.code]));
	}
	return counts;
}

async function logRun(
	db: Executor,
	run: { now: Date; dryRun: boolean; counts: RetentionCounts; actorLabel: string; error?: string }
): Promise<RetentionRun> {
	const row = await db
		.insertInto('retention_run')
		.values({
			ran_at: toDbDate(run.now),
			dry_run: toDbBool(run.dryRun),
			counts: toDbJson(run.counts),
			actor_label: run.actorLabel,
			error: run.error ?? null
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return runFromRow(row);
}

/** Runs the job as of the context's clock. `actor` is null for the scheduled run and the command line. */
export async function runRetention(
	{ db, clock }: Pick<Context, 'db' | 'clock'>,
	options: { dryRun?: boolean; actor?: Actor | null } = {}
): Promise<RetentionRun> {
	if (options.actor !== undefined && options.actor !== null)
		assertCan(options.actor, 'privacy.manage');
	const now = clock.now();
	const dryRun = options.dryRun ?? false;
	const actorLabel = options.actor?.displayName ?? 'Tâche planifiée';
	let counts: RetentionCounts = {};
	try {
		await db.transaction().execute(async (tx) => {
			counts = await sweepAll(tx, now);
			if (dryRun) throw new RollBack();
		});
	} catch (error) {
		if (!(error instanceof RollBack)) {
			await logRun(db, { now, dryRun, counts: {}, actorLabel, error: String(error) });
			throw error;
		}
	}
	return logRun(db, { now, dryRun, counts, actorLabel });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The daily run, from the server's quarter-hourly jobs: runs when the last real run is a day old. */
export async function runRetentionIfDue(
	ctx: Pick<Context, 'db' | 'clock'>
): Promise<RetentionRun | null> {
	const { db, clock } = ctx;
	const now = clock.now();
	// One instance at a time checks and runs it: two would both find it due.
	if (!(await takeLease(db, 'retention', { seconds: 3600, now }))) return null;
	try {
		return await runIfNoneToday(ctx, now);
	} finally {
		await releaseLease(db, 'retention');
	}
}

async function runIfNoneToday(
	ctx: Pick<Context, 'db' | 'clock'>,
	now: Date
): Promise<RetentionRun | null> {
	const { db } = ctx;
	const last = await db
		.selectFrom('retention_run')
		.select('ran_at')
		.where('dry_run', '=', 0)
		.where('error', 'is', null)
		.orderBy('ran_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (last && now.getTime() - fromDbDate(last.ran_at).getTime() < DAY_MS) return null;
	return runRetention(ctx);
}

function runFromRow(row: {
	id: number;
	ran_at: string;
	dry_run: number;
	counts: string;
	actor_label: string;
	error: string | null;
}): RetentionRun {
	const counts = fromDbJson<RetentionCounts>(row.counts, {});
	return {
		id: row.id,
		ranAt: fromDbDate(row.ran_at),
		dryRun: fromDbBool(row.dry_run),
		counts,
		total: Object.values(counts).reduce((sum, n) => sum + n, 0),
		actorLabel: row.actor_label,
		error: row.error
	};
}

export async function listRetentionRuns(
	db: Executor,
	actor: Actor | null,
	limit = 20
): Promise<RetentionRun[]> {
	assertCan(actor, 'privacy.manage');
	const rows = await db
		.selectFrom('retention_run')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map(runFromRow);
}
