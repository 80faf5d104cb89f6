// The organisation's logo, shown in the site's header and on printed letters.
// One row at most; the image itself is kept in the database so that several
// instances serve the same file without a shared disk.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('organisation_logo')
		.addColumn('id', 'integer', (col) => col.primaryKey())
		.addColumn('content_type', 'text', (col) => col.notNull())
		.addColumn('width', 'integer', (col) => col.notNull())
		.addColumn('height', 'integer', (col) => col.notNull())
		.addColumn('bytes', 'blob', (col) => col.notNull())
		.addColumn('sha256', 'text', (col) => col.notNull())
		.addColumn('uploaded_at', 'text', (col) => col.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('organisation_logo').execute();
}
