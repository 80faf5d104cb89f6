// Indicators of fiches and the yearly review (bilan): campaigns, one review
// per fiche and year, indicator values per year. Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('indicator')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addColumn('label', 'text', (col) => col.notNull())
		.addColumn('unit', 'text')
		.addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
	await db.schema.createIndex('indicator_fiche_idx').on('indicator').column('fiche_id').execute();

	await db.schema
		.createTable('indicator_value')
		.addColumn('indicator_id', 'integer', (col) =>
			col.notNull().references('indicator.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (col) => col.notNull())
		.addColumn('value', 'real', (col) => col.notNull())
		.addPrimaryKeyConstraint('indicator_value_pk', ['indicator_id', 'year'])
		.execute();

	await db.schema
		.createTable('review_campaign')
		.addColumn('year', 'integer', (col) => col.primaryKey())
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('opened_at', 'text', (col) => col.notNull())
		.addColumn('opened_by_label', 'text', (col) => col.notNull())
		.addColumn('published_at', 'text')
		.execute();

	await db.schema
		.createTable('fiche_review')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (col) => col.notNull().references('review_campaign.year'))
		.addColumn('status', 'text')
		.addColumn('text', 'text', (col) => col.notNull())
		.addColumn('submitted_by_user_id', 'integer', (col) =>
			col.references('user.id').onDelete('set null')
		)
		.addColumn('submitted_by_label', 'text', (col) => col.notNull())
		.addColumn('submitted_at', 'text', (col) => col.notNull())
		.addColumn('validated_by_label', 'text')
		.addColumn('validated_at', 'text')
		.addUniqueConstraint('fiche_review_unique', ['fiche_id', 'year'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['fiche_review', 'review_campaign', 'indicator_value', 'indicator']) {
		await db.schema.dropTable(table).execute();
	}
}
