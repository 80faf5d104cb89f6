// Fiches-actions of the schéma: objectives, fiches, their status history
// and the yearly flagship lists. Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('objective')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('component_code', 'text', (col) => col.notNull().references('component.code'))
		.addColumn('axis_code', 'text', (col) => col.references('axis.code'))
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
		.addUniqueConstraint('objective_title_unique', ['component_code', 'title'])
		.execute();

	await db.schema
		.createTable('fiche')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('ref', 'text', (col) => col.notNull().unique())
		.addColumn('component_code', 'text', (col) => col.notNull().references('component.code'))
		.addColumn('axis_code', 'text', (col) => col.references('axis.code'))
		.addColumn('objective_id', 'integer', (col) =>
			col.references('objective.id').onDelete('set null')
		)
		.addColumn('number', 'integer')
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('status', 'text')
		.addColumn('owner_user_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('direction', 'text')
		.addColumn('partners', 'text')
		.addColumn('territory_id', 'integer', (col) =>
			col.references('territory.id').onDelete('set null')
		)
		.addColumn('budget', 'text')
		.addColumn('key_figures', 'text', (col) => col.notNull().defaultTo('[]'))
		.addColumn('note', 'text')
		.addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('fiche_axis_idx').on('fiche').column('axis_code').execute();
	await db.schema.createIndex('fiche_owner_idx').on('fiche').column('owner_user_id').execute();

	await db.schema
		.createTable('fiche_status_change')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addColumn('status', 'text')
		.addColumn('review_year', 'integer')
		.addColumn('comment', 'text', (col) => col.notNull())
		.addColumn('source', 'text', (col) => col.notNull())
		.addColumn('changed_by_user_id', 'integer', (col) =>
			col.references('user.id').onDelete('set null')
		)
		.addColumn('changed_by_label', 'text', (col) => col.notNull())
		.addColumn('changed_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('fiche_status_change_fiche_idx')
		.on('fiche_status_change')
		.columns(['fiche_id', 'changed_at'])
		.execute();

	await db.schema
		.createTable('flagship_action')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('year', 'integer', (col) => col.notNull())
		.addColumn('rank', 'integer', (col) => col.notNull())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('scope', 'text', (col) => col.notNull())
		.addColumn('list_status', 'text')
		.addUniqueConstraint('flagship_action_rank_unique', ['year', 'rank'])
		.execute();

	await db.schema
		.createTable('flagship_action_fiche')
		.addColumn('flagship_action_id', 'integer', (col) =>
			col.notNull().references('flagship_action.id').onDelete('cascade')
		)
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('flagship_action_fiche_pk', ['flagship_action_id', 'fiche_id'])
		.execute();

	await db.schema
		.createTable('fiche_flagship_year')
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addColumn('year', 'integer', (col) => col.notNull())
		.addPrimaryKeyConstraint('fiche_flagship_year_pk', ['fiche_id', 'year'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'fiche_flagship_year',
		'flagship_action_fiche',
		'flagship_action',
		'fiche_status_change',
		'fiche',
		'objective'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
