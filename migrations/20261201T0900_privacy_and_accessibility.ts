// RGPD and RGAA: the log of each retention run, the rights requests of people
// without an account, and the RGAA audit grid behind the accessibility statement.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('retention_run')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('ran_at', 'text', (col) => col.notNull())
		.addColumn('dry_run', 'integer', (col) => col.notNull())
		.addColumn('counts', 'text', (col) => col.notNull())
		.addColumn('actor_label', 'text', (col) => col.notNull())
		.addColumn('error', 'text')
		.execute();
	await db.schema
		.createIndex('retention_run_ran_idx')
		.on('retention_run')
		.column('ran_at')
		.execute();

	await db.schema
		.createTable('privacy_request')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('email', 'text', (col) => col.notNull())
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.addColumn('confirmed_at', 'text')
		.addColumn('completed_at', 'text')
		.addColumn('outcome', 'text')
		.execute();

	await db.schema
		.createTable('accessibility_audit')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('audited_on', 'text', (col) => col.notNull())
		.addColumn('auditor', 'text', (col) => col.notNull())
		.addColumn('sample', 'text', (col) => col.notNull())
		.addColumn('environment', 'text', (col) => col.notNull())
		.addColumn('tools', 'text', (col) => col.notNull())
		.addColumn('technologies', 'text', (col) => col.notNull())
		.addColumn('derogations', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('exemptions', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createTable('accessibility_criterion')
		.addColumn('audit_id', 'integer', (col) =>
			col.notNull().references('accessibility_audit.id').onDelete('cascade')
		)
		.addColumn('criterion', 'text', (col) => col.notNull())
		// One status per page of the sample, in the sample's order.
		.addColumn('statuses', 'text', (col) => col.notNull())
		.addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('accessibility_criterion_pk', ['audit_id', 'criterion'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('accessibility_criterion').execute();
	await db.schema.dropTable('accessibility_audit').execute();
	await db.schema.dropTable('privacy_request').execute();
	await db.schema.dropTable('retention_run').execute();
}
