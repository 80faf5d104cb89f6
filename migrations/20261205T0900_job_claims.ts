// Background jobs on several instances: a lease per job that only one
// instance holds at a time (the daily retention run), and a claim on each
// retour delivery so that two instances never send the same one.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job_lease')
		.addColumn('name', 'text', (col) => col.primaryKey())
		.addColumn('holder', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.alterTable('retour_delivery').addColumn('claimed_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('retour_delivery').dropColumn('claimed_at').execute();
	await db.schema.dropTable('job_lease').execute();
}
