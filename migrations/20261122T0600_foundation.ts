// Foundation: settings, reference data (territories, communes, sites, axes,
// volets), accounts, sessions, audit log, mail outbox, rate limits.
// Imports no app code, as every migration.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('setting')
		.addColumn('key', 'text', (col) => col.primaryKey())
		.addColumn('value', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('territory')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('code', 'text', (col) => col.notNull().unique())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('challenges', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('epci')
		.addColumn('code', 'text', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('territory_id', 'integer', (col) =>
			col.references('territory.id').onDelete('set null')
		)
		.execute();

	await db.schema
		.createTable('commune')
		.addColumn('insee_code', 'text', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('department_code', 'text', (col) => col.notNull())
		.addColumn('postal_codes', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('population', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('epci_code', 'text', (col) => col.references('epci.code').onDelete('set null'))
		.addColumn('territory_id', 'integer', (col) =>
			col.references('territory.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createIndex('commune_territory_idx')
		.on('commune')
		.column('territory_id')
		.execute();
	await db.schema.createIndex('commune_epci_idx').on('commune').column('epci_code').execute();

	await db.schema
		.createTable('site')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('name', 'text', (col) => col.notNull().unique())
		.addColumn('kind', 'text', (col) => col.notNull())
		.addColumn('commune_insee_code', 'text', (col) =>
			col.references('commune.insee_code').onDelete('set null')
		)
		.addColumn('address', 'text')
		.addColumn('territory_id', 'integer', (col) =>
			col.references('territory.id').onDelete('set null')
		)
		.addColumn('note', 'text')
		.addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('component')
		.addColumn('code', 'text', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('axis')
		.addColumn('code', 'text', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('kind', 'text', (col) => col.notNull())
		.addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('user')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('email', 'text', (col) => col.notNull().unique())
		.addColumn('display_name', 'text', (col) => col.notNull())
		.addColumn('role', 'text', (col) => col.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addColumn('last_login_at', 'text')
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'integer', (col) =>
			col.notNull().references('user.id').onDelete('cascade')
		)
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

	await db.schema
		.createTable('password_reset')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'integer', (col) =>
			col.notNull().references('user.id').onDelete('cascade')
		)
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('actor_user_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('actor_label', 'text', (col) => col.notNull())
		.addColumn('action', 'text', (col) => col.notNull())
		.addColumn('entity_type', 'text', (col) => col.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('audit_log_created_idx')
		.on('audit_log')
		.column('created_at')
		.execute();
	await db.schema
		.createIndex('audit_log_entity_idx')
		.on('audit_log')
		.columns(['entity_type', 'entity_id'])
		.execute();

	await db.schema
		.createTable('mail_message')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('to_address', 'text', (col) => col.notNull())
		.addColumn('subject', 'text', (col) => col.notNull())
		.addColumn('text_body', 'text')
		.addColumn('purpose', 'text', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('error', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('sent_at', 'text')
		.execute();

	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (col) => col.notNull())
		.addColumn('window_start', 'integer', (col) => col.notNull())
		.addColumn('count', 'integer', (col) => col.notNull())
		.addPrimaryKeyConstraint('rate_limit_pk', ['key', 'window_start'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'rate_limit',
		'mail_message',
		'audit_log',
		'password_reset',
		'session',
		'user',
		'axis',
		'component',
		'site',
		'commune',
		'epci',
		'territory',
		'setting'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
