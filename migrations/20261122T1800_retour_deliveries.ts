// Who asked to receive the retour of a consultation or an event, and each
// delivery of a retour to them (e-mail or letter), with its attempts.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('retour_request')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('consultation_id', 'integer', (col) =>
			col.references('consultation.id').onDelete('cascade')
		)
		.addColumn('event_id', 'integer', (col) => col.references('event.id').onDelete('cascade'))
		.addColumn('name', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('email', 'text')
		.addColumn('postal_address', 'text')
		.addColumn('falc', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('consent_text_version', 'text', (col) => col.notNull())
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('unsubscribed_at', 'text')
		.execute();
	await db.schema
		.createIndex('retour_request_consultation_idx')
		.on('retour_request')
		.column('consultation_id')
		.execute();

	await db.schema
		.createTable('retour_delivery')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('retour_id', 'integer', (col) =>
			col.notNull().references('retour.id').onDelete('cascade')
		)
		.addColumn('request_id', 'integer', (col) =>
			col.notNull().references('retour_request.id').onDelete('cascade')
		)
		.addColumn('channel', 'text', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('en_attente'))
		.addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('sent_at', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('retour_delivery_unique')
		.on('retour_delivery')
		.columns(['retour_id', 'request_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('retour_delivery_status_idx')
		.on('retour_delivery')
		.columns(['status', 'channel'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('retour_delivery').execute();
	await db.schema.dropTable('retour_request').execute();
}
