// A draw records its fairness objective (LEXIMIN, Nash welfare or maximin)
// and the comparison of the three on its pool, published with it so that
// officers can say why they chose one.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('draw')
		.addColumn('objective', 'text', (col) => col.notNull().defaultTo('leximin'))
		.execute();
	// Per objective: smallest and largest probability, geometric mean, Gini (JSON array).
	await db.schema.alterTable('draw').addColumn('objective_comparison', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('draw').dropColumn('objective_comparison').execute();
	await db.schema.alterTable('draw').dropColumn('objective').execute();
}
