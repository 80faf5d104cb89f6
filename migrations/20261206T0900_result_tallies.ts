// Results read from counts kept at submission rather than from the answer
// rows: one count per question, option or value and combination of the
// dimensions results are filtered and split by (territory, audience, channel,
// age band), and one count of responses per combination. A results page then
// sums a few thousand rows whatever the number of responses.
//
// Dimensions and values are never null here (0 or '' for « not given »), so
// that the primary key, which the upsert at submission relies on, treats
// them as equal on both engines. Imports no app code: the counts of the
// responses already submitted are made by the statements below.
import { sql, type Kysely } from 'kysely';

const DIMENSIONS = ['territory_id', 'audience', 'channel', 'age_band'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('response_tally')
		.addColumn('consultation_id', 'integer', (col) =>
			col.notNull().references('consultation.id').onDelete('cascade')
		)
		.addColumn('territory_id', 'integer', (col) => col.notNull())
		.addColumn('audience', 'text', (col) => col.notNull())
		.addColumn('channel', 'text', (col) => col.notNull())
		.addColumn('age_band', 'text', (col) => col.notNull())
		.addColumn('n', 'integer', (col) => col.notNull())
		.addPrimaryKeyConstraint('response_tally_pk', ['consultation_id', ...DIMENSIONS] as never)
		.execute();
	await db.schema
		.createTable('answer_tally')
		.addColumn('question_id', 'integer', (col) =>
			col.notNull().references('question.id').onDelete('cascade')
		)
		// 0 when the answer has no option (scale, number, date, commune, text).
		.addColumn('option_id', 'integer', (col) => col.notNull())
		// The value counted: a number as text, a date or a commune code; '' for
		// free texts and for choices without a rank.
		.addColumn('value_key', 'text', (col) => col.notNull())
		.addColumn('number_value', 'real')
		.addColumn('territory_id', 'integer', (col) => col.notNull())
		.addColumn('audience', 'text', (col) => col.notNull())
		.addColumn('channel', 'text', (col) => col.notNull())
		.addColumn('age_band', 'text', (col) => col.notNull())
		.addColumn('n', 'integer', (col) => col.notNull())
		.addPrimaryKeyConstraint('answer_tally_pk', [
			'question_id',
			'option_id',
			'value_key',
			...DIMENSIONS
		] as never)
		.execute();

	await sql`
		insert into response_tally (consultation_id, territory_id, audience, channel, age_band, n)
		select consultation_id, coalesce(territory_id, 0), coalesce(audience, ''), channel,
			coalesce(age_band, ''), count(*)
		from response
		where status = 'envoyee'
		group by consultation_id, coalesce(territory_id, 0), coalesce(audience, ''), channel,
			coalesce(age_band, '')`.execute(db);
	await sql`
		insert into answer_tally (question_id, option_id, value_key, number_value, territory_id,
			audience, channel, age_band, n)
		select question_id, option_id, value_key, max(number_value), territory_id, audience,
			channel, age_band, count(*)
		from (
			select answer.question_id, coalesce(answer.option_id, 0) as option_id,
				case
					when question.kind in ('date', 'commune') then coalesce(answer.text_value, '')
					when answer.number_value is null then ''
					else cast(answer.number_value as text)
				end as value_key,
				answer.number_value, coalesce(response.territory_id, 0) as territory_id,
				coalesce(response.audience, '') as audience, response.channel,
				coalesce(response.age_band, '') as age_band
			from answer
			inner join response on response.id = answer.response_id
			inner join question on question.id = answer.question_id
			where response.status = 'envoyee'
		) as counted
		group by question_id, option_id, value_key, territory_id, audience, channel, age_band`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('answer_tally').execute();
	await db.schema.dropTable('response_tally').execute();
}
