// Notes and verbatims taken at an event become contributions of that event.
// Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('contribution')
		// No REFERENCES: SQLite could not drop such a column on the way down.
		.addColumn('event_id', 'integer')
		.execute();
	await db.schema.alterTable('contribution').addColumn('entered_by_label', 'text').execute();
	await db.schema
		.createIndex('contribution_event_idx')
		.on('contribution')
		.column('event_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('contribution_event_idx').execute();
	await db.schema.alterTable('contribution').dropColumn('entered_by_label').execute();
	await db.schema.alterTable('contribution').dropColumn('event_id').execute();
}
