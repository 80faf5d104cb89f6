// Choice answers mark their first row (number_value = 1), so results count
// respondents of multiple-choice questions without COUNT(DISTINCT). Marks
// the answers stored before. Imports no app code.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		update answer set number_value = 1
		where number_value is null
		and option_id is not null
		and id in (
			select min(a.id) from answer a
			join question q on q.id = a.question_id
			where q.kind in ('single', 'yesno', 'multiple')
			group by a.response_id, a.question_id
		)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`
		update answer set number_value = null
		where question_id in (select id from question where kind in ('single', 'yesno', 'multiple'))`.execute(
		db
	);
}
