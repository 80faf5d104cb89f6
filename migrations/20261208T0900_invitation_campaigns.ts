// Invitations by lottery, stage 1 of a civic lottery: an address base in the
// format of the Base Adresse Nationale (public data, replaced by each import),
// campaigns that draw addresses from it by a recorded seed, and one
// invitation per drawn address with a personal code. An invitation's address
// and code are erased at the end of its campaign; its commune, dates and
// answer stay, so the counts and response rates stay.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('address_base')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('file_name', 'text', (col) => col.notNull())
		// The file's SHA-256: anyone with the same BAN export can redo a draw.
		.addColumn('sha256', 'text', (col) => col.notNull())
		.addColumn('rows_read', 'integer', (col) => col.notNull())
		.addColumn('address_count', 'integer', (col) => col.notNull())
		.addColumn('imported_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('imported_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createTable('address')
		.addColumn('base_id', 'integer', (col) =>
			col.notNull().references('address_base.id').onDelete('cascade')
		)
		.addColumn('ban_id', 'text', (col) => col.notNull())
		.addColumn('number', 'text', (col) => col.notNull())
		.addColumn('repetition', 'text', (col) => col.notNull())
		.addColumn('street', 'text', (col) => col.notNull())
		.addColumn('postal_code', 'text', (col) => col.notNull())
		.addColumn('insee_code', 'text', (col) => col.notNull())
		.addColumn('commune_name', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('address_pk', ['base_id', 'ban_id'])
		.execute();
	await db.schema
		.createIndex('address_by_commune')
		.on('address')
		.columns(['base_id', 'insee_code', 'ban_id'])
		.execute();
	await db.schema
		.createTable('invitation_campaign')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('purpose', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('letters', 'integer', (col) => col.notNull())
		.addColumn('seed', 'text', (col) => col.notNull())
		// Factor per territory name (JSON object); absent territories count once.
		.addColumn('oversampling', 'text', (col) => col.notNull())
		// Per commune: INSEE code, exact target and letters (JSON array), the public rules.
		.addColumn('allocation', 'text', (col) => col.notNull())
		.addColumn('base_sha256', 'text', (col) => col.notNull())
		.addColumn('base_address_count', 'integer', (col) => col.notNull())
		.addColumn('falc', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('reminder_days', 'integer', (col) => col.notNull())
		// The last day answers are taken; addresses are erased after it.
		.addColumn('closes_on', 'text', (col) => col.notNull())
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('letters_printed_at', 'text')
		.addColumn('reminders_printed_at', 'text')
		.addColumn('closed_at', 'text')
		.addColumn('addresses_erased_at', 'text')
		.execute();
	await db.schema
		.createTable('invitation')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('campaign_id', 'integer', (col) =>
			col.notNull().references('invitation_campaign.id').onDelete('cascade')
		)
		// Erased with the address at the end of the campaign.
		.addColumn('code', 'text', (col) => col.unique())
		.addColumn('commune_insee_code', 'text', (col) => col.notNull())
		.addColumn('territory_id', 'integer', (col) =>
			col.references('territory.id').onDelete('set null')
		)
		.addColumn('ban_id', 'text')
		.addColumn('address_line', 'text')
		.addColumn('postal_code', 'text')
		.addColumn('reminded_at', 'text')
		.addColumn('answered_at', 'text')
		// en_ligne, telephone or papier.
		.addColumn('answer_channel', 'text')
		// oui (joins the pool) or non.
		.addColumn('answer', 'text')
		.addColumn('person_id', 'integer', (col) => col.references('person.id').onDelete('set null'))
		.addColumn('entered_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.execute();
	await db.schema
		.createIndex('invitation_by_campaign')
		.on('invitation')
		.columns(['campaign_id', 'commune_insee_code'])
		.execute();
	await db.schema
		.createIndex('invitation_by_person')
		.on('invitation')
		.column('person_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('invitation').execute();
	await db.schema.dropTable('invitation_campaign').execute();
	await db.schema.dropTable('address').execute();
	await db.schema.dropTable('address_base').execute();
}
