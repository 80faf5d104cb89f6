// The panel départemental (people, their consents and links), fair draws,
// and groups with their members, bodies and documents. Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('person')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('pseudonym', 'text', (col) => col.notNull().unique())
		.addColumn('first_name', 'text', (col) => col.notNull())
		.addColumn('last_name', 'text', (col) => col.notNull())
		.addColumn('email', 'text')
		.addColumn('email_confirmed_at', 'text')
		.addColumn('phone', 'text')
		.addColumn('postal_address', 'text')
		.addColumn('household_key', 'text')
		.addColumn('commune_insee_code', 'text')
		.addColumn('territory_id', 'integer', (col) => col.references('territory.id'))
		.addColumn('age_band', 'text')
		.addColumn('gender', 'text')
		.addColumn('situations', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('availability', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('needs', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('needs_detail', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('in_panel', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('candidat'))
		.addColumn('source', 'text', (col) => col.notNull())
		.addColumn('mandate_start', 'text')
		.addColumn('mandate_end', 'text')
		.addColumn('renewal_reminded_at', 'text')
		.addColumn('user_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('entered_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addColumn('left_at', 'text')
		.execute();
	await db.schema
		.createIndex('person_status_idx')
		.on('person')
		.columns(['in_panel', 'status'])
		.execute();
	await db.schema.createIndex('person_email_idx').on('person').column('email').execute();
	await db.schema.createIndex('person_user_idx').on('person').column('user_id').execute();

	await db.schema
		.createTable('consent')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('person_id', 'integer', (col) =>
			col.notNull().references('person.id').onDelete('cascade')
		)
		.addColumn('purpose', 'text', (col) => col.notNull())
		.addColumn('text_version', 'text', (col) => col.notNull())
		.addColumn('collected_by', 'text', (col) => col.notNull())
		.addColumn('given_at', 'text', (col) => col.notNull())
		.addColumn('withdrawn_at', 'text')
		.execute();
	await db.schema
		.createIndex('consent_person_idx')
		.on('consent')
		.columns(['person_id', 'purpose'])
		.execute();

	await db.schema
		.createTable('person_token')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('person_id', 'integer', (col) =>
			col.notNull().references('person.id').onDelete('cascade')
		)
		.addColumn('purpose', 'text', (col) => col.notNull())
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text')
		.execute();

	await db.schema
		.createTable('panel_target')
		.addColumn('criterion', 'text', (col) => col.notNull())
		.addColumn('value', 'text', (col) => col.notNull())
		.addColumn('share', 'real', (col) => col.notNull())
		.addPrimaryKeyConstraint('panel_target_pk', ['criterion', 'value'])
		.execute();

	await db.schema
		.createTable('draw')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('purpose', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('parent_draw_id', 'integer', (col) => col.references('draw.id').onDelete('cascade'))
		.addColumn('size', 'integer', (col) => col.notNull())
		.addColumn('household_rule', 'integer', (col) => col.notNull())
		.addColumn('pool_filters', 'text', (col) => col.notNull())
		.addColumn('quotas', 'text', (col) => col.notNull())
		.addColumn('algorithm', 'text', (col) => col.notNull())
		.addColumn('seed', 'text', (col) => col.notNull())
		.addColumn('inputs_hash', 'text', (col) => col.notNull())
		.addColumn('lottery_size', 'integer', (col) => col.notNull())
		.addColumn('panels', 'text', (col) => col.notNull())
		.addColumn('min_probability', 'real', (col) => col.notNull())
		.addColumn('lottery_min_probability', 'real', (col) => col.notNull())
		.addColumn('seconds', 'real', (col) => col.notNull())
		.addColumn('ticket', 'integer')
		.addColumn('ticket_source', 'text')
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('drawn_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('drawn_at', 'text')
		.execute();

	await db.schema
		.createTable('draw_candidate')
		.addColumn('draw_id', 'integer', (col) =>
			col.notNull().references('draw.id').onDelete('cascade')
		)
		.addColumn('person_id', 'integer', (col) => col.references('person.id').onDelete('set null'))
		.addColumn('pseudonym', 'text', (col) => col.notNull())
		.addColumn('profile', 'text', (col) => col.notNull())
		.addColumn('probability', 'real', (col) => col.notNull())
		.addColumn('lottery_probability', 'real', (col) => col.notNull())
		.addColumn('selected', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('answer', 'text')
		.addPrimaryKeyConstraint('draw_candidate_pk', ['draw_id', 'pseudonym'])
		.execute();
	await db.schema
		.createIndex('draw_candidate_person_idx')
		.on('draw_candidate')
		.column('person_id')
		.execute();

	await db.schema
		.createTable('participation_group')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (col) => col.notNull().unique())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('kind', 'text', (col) => col.notNull())
		.addColumn('territory_id', 'integer', (col) => col.references('territory.id'))
		.addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('archived_at', 'text')
		.execute();

	await db.schema
		.createTable('group_membership')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('group_id', 'integer', (col) =>
			col.notNull().references('participation_group.id').onDelete('cascade')
		)
		.addColumn('person_id', 'integer', (col) =>
			col.notNull().references('person.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (col) => col.notNull())
		.addColumn('mandate_start', 'text')
		.addColumn('mandate_end', 'text')
		.addColumn('joined_at', 'text', (col) => col.notNull())
		.addColumn('left_at', 'text')
		.execute();
	await db.schema
		.createIndex('group_membership_idx')
		.on('group_membership')
		.columns(['group_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('group_membership_person_idx')
		.on('group_membership')
		.column('person_id')
		.execute();

	await db.schema
		.createTable('group_body')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('group_id', 'integer', (col) =>
			col.notNull().references('participation_group.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createTable('group_body_seat')
		.addColumn('body_id', 'integer', (col) =>
			col.notNull().references('group_body.id').onDelete('cascade')
		)
		.addColumn('person_id', 'integer', (col) =>
			col.notNull().references('person.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('group_body_seat_pk', ['body_id', 'person_id'])
		.execute();

	await db.schema
		.createTable('group_document')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('group_id', 'integer', (col) =>
			col.notNull().references('participation_group.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('url', 'text')
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();

	// No REFERENCES: SQLite could not drop such a column on the way down.
	await db.schema.alterTable('event').addColumn('group_id', 'integer').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('event').dropColumn('group_id').execute();
	for (const table of [
		'group_document',
		'group_body_seat',
		'group_body',
		'group_membership',
		'participation_group',
		'draw_candidate',
		'draw',
		'panel_target',
		'person_token',
		'consent',
		'person'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
