// The programme of an université sociale (workshops people choose within
// their capacity) and the stops of a field tour. Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('programme_item')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (col) =>
			col.notNull().references('event.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (col) => col.notNull())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('starts_at', 'text', (col) => col.notNull())
		.addColumn('ends_at', 'text', (col) => col.notNull())
		.addColumn('room', 'text')
		.addColumn('capacity', 'integer')
		.execute();
	await db.schema
		.createIndex('programme_item_event_idx')
		.on('programme_item')
		.columns(['event_id', 'starts_at'])
		.execute();

	await db.schema
		.createTable('registration_choice')
		.addColumn('registration_id', 'integer', (col) =>
			col.notNull().references('registration.id').onDelete('cascade')
		)
		.addColumn('programme_item_id', 'integer', (col) =>
			col.notNull().references('programme_item.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('registration_choice_pk', ['registration_id', 'programme_item_id'])
		.execute();
	await db.schema
		.createIndex('registration_choice_item_idx')
		.on('registration_choice')
		.column('programme_item_id')
		.execute();

	await db.schema
		.createTable('tour_stop')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (col) =>
			col.notNull().references('event.id').onDelete('cascade')
		)
		.addColumn('day', 'text', (col) => col.notNull())
		.addColumn('half_day', 'text', (col) => col.notNull())
		.addColumn('commune_insee_code', 'text', (col) => col.notNull())
		.addColumn('place', 'text', (col) => col.notNull())
		.addColumn('agents', 'text', (col) => col.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('tour_stop_event_idx')
		.on('tour_stop')
		.columns(['event_id', 'day'])
		.execute();

	// No REFERENCES: SQLite could not drop such a column on the way down.
	await db.schema.alterTable('response').addColumn('tour_stop_id', 'integer').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('response').dropColumn('tour_stop_id').execute();
	for (const table of ['tour_stop', 'registration_choice', 'programme_item']) {
		await db.schema.dropTable(table).execute();
	}
}
