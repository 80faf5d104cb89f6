// Themes in free text: an analysis groups a set of contributions (a
// consultation's free answers, an event's notes, a filtered inbox) into
// themes, computed by a background job. Officers rename, merge, split and
// validate themes and move contributions between them; a validated theme
// becomes a tag on its contributions. Themes hold no personal data of their
// own: a membership goes with its contribution (cascade), quotes are read from
// the contributions when shown.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('theme_analysis')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		// The filters that choose the contributions, as canonical JSON: one analysis per set.
		.addColumn('scope_key', 'text', (col) => col.notNull().unique())
		.addColumn('scope', 'text', (col) => col.notNull())
		.addColumn('title', 'text', (col) => col.notNull())
		// en_attente → en_cours → prete, or echec.
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('contribution_count', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('modularity', 'real')
		.addColumn('error', 'text')
		.addColumn('requested_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('requested_at', 'text', (col) => col.notNull())
		.addColumn('claimed_at', 'text')
		.addColumn('finished_at', 'text')
		.execute();
	await db.schema
		.createTable('theme')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('analysis_id', 'integer', (col) =>
			col.notNull().references('theme_analysis.id').onDelete('cascade')
		)
		.addColumn('label', 'text', (col) => col.notNull())
		// Distinctive words and phrases, most distinctive first (JSON array).
		.addColumn('terms', 'text', (col) => col.notNull())
		// The fiches-actions its answers most concern, by reference (JSON array).
		.addColumn('fiches', 'text', (col) => col.notNull())
		// proposee or validee.
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('tag', 'text')
		.addColumn('validated_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('validated_at', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createTable('theme_member')
		.addColumn('analysis_id', 'integer', (col) =>
			col.notNull().references('theme_analysis.id').onDelete('cascade')
		)
		.addColumn('contribution_id', 'integer', (col) =>
			col.notNull().references('contribution.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'integer', (col) =>
			col.notNull().references('theme.id').onDelete('cascade')
		)
		// Similarity to the theme's centre: the most central answers are its quotes.
		.addColumn('centrality', 'real', (col) => col.notNull())
		// The words that put it there (JSON array); empty when an officer moved it.
		.addColumn('reasons', 'text', (col) => col.notNull())
		// calcul or agent.
		.addColumn('placed_by', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('theme_member_pk', ['analysis_id', 'contribution_id'])
		.execute();
	await db.schema
		.createIndex('theme_member_by_theme')
		.on('theme_member')
		.columns(['theme_id', 'centrality'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('theme_member').execute();
	await db.schema.dropTable('theme').execute();
	await db.schema.dropTable('theme_analysis').execute();
}
