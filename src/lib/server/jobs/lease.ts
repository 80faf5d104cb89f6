// A lease: the right to run one job, held by one instance at a time, for a
// bounded time. Taken with one conditional upsert (atomic on both engines),
// so whichever instance asks second gets nothing; an instance that dies
// holding it loses it when it expires.
import { hostname } from 'node:os';
import type { Executor } from '../db/database';

/** This process, as a lease's holder. */
export const THIS_INSTANCE = `${hostname()}:${process.pid}`;

export async function takeLease(
	db: Executor,
	name: string,
	{
		seconds,
		now = new Date(),
		holder = THIS_INSTANCE
	}: { seconds: number; now?: Date; holder?: string }
): Promise<boolean> {
	const expiresAt = new Date(now.getTime() + seconds * 1000).toISOString();
	const taken = await db
		.insertInto('job_lease')
		.values({ name, holder, expires_at: expiresAt })
		.onConflict((oc) =>
			oc
				.column('name')
				.doUpdateSet({ holder, expires_at: expiresAt })
				.where('job_lease.expires_at', '<=', now.toISOString())
		)
		.returning('name')
		.executeTakeFirst();
	return taken !== undefined;
}

export async function releaseLease(
	db: Executor,
	name: string,
	holder: string = THIS_INSTANCE
): Promise<void> {
	await db.deleteFrom('job_lease').where('name', '=', name).where('holder', '=', holder).execute();
}
