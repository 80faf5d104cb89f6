// Alternates: a draw asks for a number of them; once its panel is drawn,
// they are ranked among the volunteers left (from the draw's seed), and a
// person who declines is replaced by the first alternate who keeps every
// quota.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('draw')
		.addColumn('alternates_requested', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
	// How many declines the list replaces whatever they are (see selection/alternates.ts).
	await db.schema.alterTable('draw').addColumn('guaranteed_declines', 'integer').execute();
	await db.schema.alterTable('draw_candidate').addColumn('alternate_rank', 'integer').execute();
	// 1 when the alternate has the profile it covers, 0 when it fits a single decline.
	await db.schema
		.alterTable('draw_candidate')
		.addColumn('alternate_same_profile', 'integer')
		.execute();
	// The pseudonym of the person whose seat the alternate took.
	await db.schema.alterTable('draw_candidate').addColumn('replaces', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('draw_candidate').dropColumn('replaces').execute();
	await db.schema.alterTable('draw_candidate').dropColumn('alternate_same_profile').execute();
	await db.schema.alterTable('draw_candidate').dropColumn('alternate_rank').execute();
	await db.schema.alterTable('draw').dropColumn('guaranteed_declines').execute();
	await db.schema.alterTable('draw').dropColumn('alternates_requested').execute();
}
