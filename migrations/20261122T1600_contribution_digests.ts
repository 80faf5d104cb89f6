// People who agreed to hear what became of their contributions: one row per
// address, with the link to stop and when the last digest went out.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('contact_subscription')
		.addColumn('email', 'text', (col) => col.primaryKey())
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('last_digest_at', 'text')
		.addColumn('unsubscribed_at', 'text')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('contact_subscription').execute();
}
