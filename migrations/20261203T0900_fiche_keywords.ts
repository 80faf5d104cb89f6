// Residents' words for each fiche-action (« répit », « souffler », « relais »):
// what the suggestions and the search match besides the official title.
// Bundled for the schéma, edited by officers.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('fiche')
		.addColumn('keywords', 'text', (col) => col.notNull().defaultTo(''))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('fiche').dropColumn('keywords').execute();
}
