// The retour aux participants: what a consultation or events gave, written
// by officers (Markdown and FALC), its figures computed at reading time.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('retour')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (col) => col.notNull().unique())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('falc_body', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('consultation_id', 'integer', (col) =>
			col.references('consultation.id').onDelete('set null')
		)
		.addColumn('published_at', 'text')
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createTable('retour_event')
		.addColumn('retour_id', 'integer', (col) =>
			col.notNull().references('retour.id').onDelete('cascade')
		)
		.addColumn('event_id', 'integer', (col) =>
			col.notNull().references('event.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('retour_event_pk', ['retour_id', 'event_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('retour_event').execute();
	await db.schema.dropTable('retour').execute();
}
