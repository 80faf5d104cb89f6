// Consultations « Mon avis citoyen »: questionnaires, responses with their
// answers (one row per chosen option, so results are GROUP BY queries),
// invitation codes, and the contributions free-text answers become.
// Imports no app code.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('consultation')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (col) => col.notNull().unique())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('presentation', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('falc_summary', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('audiences', 'text', (col) => col.notNull())
		.addColumn('access', 'text', (col) => col.notNull())
		.addColumn('identity', 'text', (col) => col.notNull())
		.addColumn('profile_block', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('opens_at', 'text', (col) => col.notNull())
		.addColumn('closes_at', 'text', (col) => col.notNull())
		.addColumn('published_at', 'text')
		.addColumn('closed_early_at', 'text')
		.addColumn('results_published_at', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('consultation_axis')
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('axis_code', 'text', (col) => col.notNull().references('axis.code'))
		.addPrimaryKeyConstraint('consultation_axis_pk', ['consultation_id', 'axis_code'])
		.execute();

	await db.schema
		.createTable('consultation_fiche')
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('fiche_id', 'integer', (col) =>
			col.notNull().references('fiche.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('consultation_fiche_pk', ['consultation_id', 'fiche_id'])
		.execute();

	await db.schema
		.createTable('consultation_section')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (col) => col.notNull())
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('consultation_section_idx')
		.on('consultation_section')
		.columns(['consultation_id', 'position'])
		.execute();

	await db.schema
		.createTable('question')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('section_id', 'integer', (col) =>
			col.notNull().references('consultation_section.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (col) => col.notNull())
		.addColumn('kind', 'text', (col) => col.notNull())
		.addColumn('label', 'text', (col) => col.notNull())
		.addColumn('help', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('required', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('settings', 'text', (col) => col.notNull().defaultTo('{}'))
		.addColumn('condition', 'text')
		.addColumn('profile_key', 'text')
		.execute();
	await db.schema
		.createIndex('question_section_idx')
		.on('question')
		.columns(['section_id', 'position'])
		.execute();
	await db.schema
		.createIndex('question_consultation_idx')
		.on('question')
		.column('consultation_id')
		.execute();

	await db.schema
		.createTable('question_option')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('question_id', 'integer', (col) =>
			col.notNull().references('question.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (col) => col.notNull())
		.addColumn('label', 'text', (col) => col.notNull())
		.addColumn('is_other', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('question_option_idx')
		.on('question_option')
		.columns(['question_id', 'position'])
		.execute();

	await db.schema
		.createTable('invitation_code')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('code', 'text', (col) => col.notNull().unique())
		.addColumn('batch', 'integer', (col) => col.notNull())
		.addColumn('sent_to', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('used_at', 'text')
		.execute();

	await db.schema
		.createTable('response')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('channel', 'text', (col) => col.notNull())
		.addColumn('audience', 'text')
		// Drafts keep their answers here until submission normalises them.
		.addColumn('draft', 'text')
		.addColumn('draft_token_hash', 'text', (col) => col.unique())
		.addColumn('resume_code_hash', 'text', (col) => col.unique())
		.addColumn('submission_key', 'text', (col) => col.unique())
		.addColumn('receipt_code', 'text', (col) => col.unique())
		.addColumn('invitation_code_id', 'integer', (col) =>
			col.unique().references('invitation_code.id').onDelete('set null')
		)
		// Only for identified consultations: anonymous answers stay unlinkable.
		.addColumn('respondent_user_id', 'integer', (col) =>
			col.references('user.id').onDelete('set null')
		)
		.addColumn('entered_by_user_id', 'integer', (col) =>
			col.references('user.id').onDelete('set null')
		)
		.addColumn('entered_by_label', 'text')
		.addColumn('interview_place', 'text')
		.addColumn('interview_date', 'text')
		.addColumn('interview_commune_insee_code', 'text')
		.addColumn('commune_insee_code', 'text')
		.addColumn('territory_id', 'integer', (col) => col.references('territory.id'))
		.addColumn('age_band', 'text')
		.addColumn('started_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addColumn('submitted_at', 'text')
		.execute();
	await db.schema
		.createIndex('response_consultation_idx')
		.on('response')
		.columns(['consultation_id', 'status'])
		.execute();

	// Who answered an account-restricted consultation, kept apart from the
	// response so that anonymous answers cannot be traced back to the account.
	await db.schema
		.createTable('consultation_participation')
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('user_id', 'integer', (col) =>
			col.notNull().references('user.id').onDelete('cascade')
		)
		.addColumn('answered_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('consultation_participation_pk', ['consultation_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('answer')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('response_id', 'integer', (col) =>
			col.notNull().references('response.id').onDelete('cascade')
		)
		.addColumn('question_id', 'integer', (col) =>
			col.notNull().references('question.id').onDelete('cascade')
		)
		.addColumn('option_id', 'integer', (col) =>
			col.references('question_option.id').onDelete('cascade')
		)
		.addColumn('number_value', 'real')
		.addColumn('text_value', 'text')
		.execute();
	await db.schema
		.createIndex('answer_question_idx')
		.on('answer')
		.columns(['question_id', 'option_id', 'number_value', 'response_id'])
		.execute();
	await db.schema.createIndex('answer_response_idx').on('answer').column('response_id').execute();

	await db.schema
		.createTable('contribution')
		.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
		.addColumn('source', 'text', (col) => col.notNull())
		.addColumn('consultation_id', 'integer', (col) =>
			col.references('consultation.id').onDelete('cascade')
		)
		.addColumn('response_id', 'integer', (col) => col.references('response.id').onDelete('cascade'))
		.addColumn('question_id', 'integer', (col) => col.references('question.id').onDelete('cascade'))
		.addColumn('text', 'text', (col) => col.notNull())
		.addColumn('commune_insee_code', 'text')
		.addColumn('territory_id', 'integer', (col) => col.references('territory.id'))
		.addColumn('triage_state', 'text', (col) => col.notNull().defaultTo('nouvelle'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('contribution_response_idx')
		.on('contribution')
		.column('response_id')
		.execute();
	await db.schema
		.createIndex('contribution_state_idx')
		.on('contribution')
		.columns(['triage_state', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'contribution',
		'answer',
		'consultation_participation',
		'response',
		'invitation_code',
		'question_option',
		'question',
		'consultation_section',
		'consultation_fiche',
		'consultation_axis',
		'consultation'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
