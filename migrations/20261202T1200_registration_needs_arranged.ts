// A registration's needs (transport, childcare, interpreter) marked as arranged
// by an officer, so the team sees what is left to do before an event.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('registration').addColumn('needs_arranged_at', 'text').execute();
	await db.schema.alterTable('registration').addColumn('needs_arranged_by', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('registration').dropColumn('needs_arranged_by').execute();
	await db.schema.alterTable('registration').dropColumn('needs_arranged_at').execute();
}
