// Events: ateliers, universités sociales, field tours and others, their
// registrations with waiting list, needs and consent. Imports no app code.
import type { Kysely } from 'kysely';

const DEFAULT_KINDS = [
	['atelier', 'Atelier participatif'],
	['universite-sociale', 'Université sociale territoriale'],
	['tournee', 'Tournée « aller vers »'],
	['conference', 'Conférence territoriale'],
	['reunion-groupe', 'Réunion de groupe'],
	['forum', 'Forum'],
	['assises', 'Assises']
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('event_kind')
		.addColumn('code', 'text', (col) => col.primaryKey())
		.addColumn('label', 'text', (col) => col.notNull())
		.execute();
	await db
		.insertInto('event_kind')
		.values(DEFAULT_KINDS.map(([code, label]) => ({ code, label })))
		.execute();

	await db.schema
		.createTable('event')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (col) => col.notNull().unique())
		.addColumn('kind', 'text', (col) => col.notNull().references('event_kind.code'))
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('site_id', 'integer', (col) => col.references('site.id').onDelete('set null'))
		.addColumn('place_name', 'text')
		.addColumn('address', 'text')
		.addColumn('commune_insee_code', 'text')
		.addColumn('territory_id', 'integer', (col) => col.references('territory.id'))
		.addColumn('access_directions', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('starts_at', 'text', (col) => col.notNull())
		.addColumn('ends_at', 'text', (col) => col.notNull())
		.addColumn('audience', 'text', (col) => col.notNull())
		.addColumn('capacity', 'integer')
		.addColumn('registration_opens_at', 'text')
		.addColumn('registration_closes_at', 'text')
		.addColumn('accessibility', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('support', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('consultation_id', 'integer', (col) =>
			col.references('consultation.id').onDelete('set null')
		)
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('cancellation_reason', 'text')
		.addColumn('minutes', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('minutes_published_at', 'text')
		// Counts of past events known only as totals (« 174 participants dont 10 habitants »).
		.addColumn('reported_participants', 'integer')
		.addColumn('reported_residents', 'integer')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('event_starts_idx')
		.on('event')
		.columns(['status', 'starts_at'])
		.execute();

	await db.schema
		.createTable('event_fiche')
		.addColumn('event_id', 'integer', (col) =>
			col.notNull().references('event.id').onDelete('cascade')
		)
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('event_fiche_pk', ['event_id', 'fiche_id'])
		.execute();

	await db.schema
		.createTable('registration')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (col) =>
			col.notNull().references('event.id').onDelete('cascade')
		)
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('postal_address', 'text')
		.addColumn('needs', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('needs_detail', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('category', 'text')
		.addColumn('consent_text_version', 'text')
		.addColumn('consented_at', 'text')
		.addColumn('cancel_token_hash', 'text', (col) => col.unique())
		.addColumn('receipt_code', 'text', (col) => col.unique())
		.addColumn('walk_in', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('user_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addColumn('promoted_at', 'text')
		.addColumn('cancelled_at', 'text')
		.addColumn('reminded_at', 'text')
		.addColumn('checked_in_at', 'text')
		.execute();
	await db.schema
		.createIndex('registration_event_idx')
		.on('registration')
		.columns(['event_id', 'status', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['registration', 'event_fiche', 'event', 'event_kind']) {
		await db.schema.dropTable(table).execute();
	}
}
