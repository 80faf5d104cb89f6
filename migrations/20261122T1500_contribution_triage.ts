// Contributions become an inbox: who gave them and whether they may be
// contacted, assignment, merging, moderation, tags, and links to the
// fiches-actions with a follow-up decision. Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// Plain integer columns (no REFERENCES): SQLite could not drop them on the way down.
	for (const [name, type] of [
		['author_user_id', 'integer'],
		['author_name', 'text'],
		['contact_email', 'text'],
		['assigned_user_id', 'integer'],
		['merged_into_id', 'integer'],
		['public_text', 'text'],
		['receipt_code', 'text'],
		['mask_reason', 'text'],
		['updated_at', 'text']
	] as const)
		await db.schema.alterTable('contribution').addColumn(name, type).execute();
	await db.schema
		.alterTable('contribution')
		.addColumn('contact_consent', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('contribution')
		.addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('contribution_receipt_idx')
		.on('contribution')
		.column('receipt_code')
		.unique()
		.execute();
	await db.schema
		.createIndex('contribution_merged_idx')
		.on('contribution')
		.column('merged_into_id')
		.execute();

	await db.schema
		.createTable('contribution_tag')
		.addColumn('contribution_id', 'integer', (col) =>
			col.notNull().references('contribution.id').onDelete('cascade')
		)
		.addColumn('tag', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('contribution_tag_pk', ['contribution_id', 'tag'])
		.execute();
	await db.schema
		.createIndex('contribution_tag_idx')
		.on('contribution_tag')
		.column('tag')
		.execute();

	await db.schema
		.createTable('contribution_link')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('contribution_id', 'integer', (col) =>
			col.notNull().references('contribution.id').onDelete('cascade')
		)
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addColumn('decision', 'text')
		.addColumn('explanation', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('linked_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('linked_at', 'text', (col) => col.notNull())
		.addColumn('decided_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('decided_at', 'text')
		.execute();
	await db.schema
		.createIndex('contribution_link_unique')
		.on('contribution_link')
		.columns(['contribution_id', 'fiche_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('contribution_link_fiche_idx')
		.on('contribution_link')
		.column('fiche_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('contribution_link').execute();
	await db.schema.dropTable('contribution_tag').execute();
	await db.schema.dropIndex('contribution_merged_idx').execute();
	await db.schema.dropIndex('contribution_receipt_idx').execute();
	for (const name of [
		'search_text',
		'contact_consent',
		'updated_at',
		'mask_reason',
		'receipt_code',
		'public_text',
		'merged_into_id',
		'assigned_user_id',
		'contact_email',
		'author_name',
		'author_user_id'
	])
		await db.schema.alterTable('contribution').dropColumn(name).execute();
}
