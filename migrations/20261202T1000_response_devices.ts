// A draft answered on several devices: the phone where it started keeps its
// cookie when the respondent resumes on a computer with the resume code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('response_device')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('response_id', 'integer', (col) =>
			col.notNull().references('response.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('response_device_response_idx')
		.on('response_device')
		.column('response_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('response_device').execute();
}
