// How to find a maison des solidarités (« dans les locaux de la Maison France
// services, près de la mairie »), shown with its address on event pages.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('site').addColumn('directions', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('site').dropColumn('directions').execute();
}
