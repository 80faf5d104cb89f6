// Counts kept at submission, so that results read a few thousand rows rather
// than every answer (see the migration that creates them). A response is
// counted once, in the transaction that submits it; nothing changes a
// submitted response's answers or dimensions afterwards.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../db/database';
import type { Audience, Channel, Dimension } from '$lib/consultation-vocabulary';

/** The tally columns results are filtered and split by. */
export const TALLY_DIMENSIONS = {
	territoire: 'territory_id',
	public: 'audience',
	canal: 'channel',
	age: 'age_band'
} as const satisfies Record<Dimension, string>;

export interface TallyFilter {
	/** -1 for a territory code that does not exist: nothing matches. */
	territoryId: number | null;
	audience?: Audience;
	channel?: Channel;
	age?: string;
}

/** A dimension's value in a tally, back to the key results use ('' when not given). */
export function dimensionKey(value: string | number): string {
	// PostgreSQL's bigint columns may come back as text.
	return String(value) === '0' ? '' : String(value);
}

/**
 * Adds the submitted responses matched by `which` to the counts. The rows are
 * written in key order, so that two submissions at once on PostgreSQL take
 * the row locks of the counts they share in the same order and never
 * deadlock: the second waits for the first to commit.
 */
async function addToTallies(
	tx: Executor,
	which: (response: 'response') => Expression<SqlBool>
): Promise<void> {
	await tx
		.insertInto('response_tally')
		.columns(['consultation_id', 'territory_id', 'audience', 'channel', 'age_band', 'n'])
		.expression(
			tx
				.selectFrom('response')
				.select([
					'consultation_id',
					sql<number>`coalesce(territory_id, 0)`.as('territory_id'),
					sql<string>`coalesce(audience, '')`.as('audience'),
					'channel',
					sql<string>`coalesce(age_band, '')`.as('age_band'),
					(eb) => eb.fn.countAll<number>().as('n')
				])
				.where('status', '=', 'envoyee')
				.where(which('response'))
				.groupBy(['consultation_id', 'territory_id', 'audience', 'channel', 'age_band'])
				.orderBy('consultation_id')
				.orderBy('territory_id')
				.orderBy('audience')
				.orderBy('channel')
				.orderBy('age_band')
		)
		.onConflict((oc) =>
			oc
				.columns(['consultation_id', 'territory_id', 'audience', 'channel', 'age_band'])
				.doUpdateSet((eb) => ({ n: eb('response_tally.n', '+', eb.ref('excluded.n')) }))
		)
		.execute();

	const counted = tx
		.selectFrom('answer')
		.innerJoin('response', 'response.id', 'answer.response_id')
		.innerJoin('question', 'question.id', 'answer.question_id')
		.select([
			'answer.question_id',
			sql<number>`coalesce(answer.option_id, 0)`.as('option_id'),
			sql<string>`case
				when question.kind in ('date', 'commune') then coalesce(answer.text_value, '')
				when answer.number_value is null then ''
				else cast(answer.number_value as text)
			end`.as('value_key'),
			'answer.number_value',
			sql<number>`coalesce(response.territory_id, 0)`.as('territory_id'),
			sql<string>`coalesce(response.audience, '')`.as('audience'),
			'response.channel',
			sql<string>`coalesce(response.age_band, '')`.as('age_band')
		])
		.where('response.status', '=', 'envoyee')
		.where(which('response'))
		.as('counted');
	const key = [
		'question_id',
		'option_id',
		'value_key',
		'territory_id',
		'audience',
		'channel',
		'age_band'
	] as const;
	await tx
		.insertInto('answer_tally')
		.columns([...key, 'number_value', 'n'])
		.expression(
			tx
				.selectFrom(counted)
				.select([
					...key,
					(eb) => eb.fn.max('number_value').as('number_value'),
					(eb) => eb.fn.countAll<number>().as('n')
				])
				// SQLite reads `insert … select … on conflict` only with a where clause.
				.where(sql<SqlBool>`true`)
				.groupBy([...key])
				.$call((query) => key.reduce((ordered, column) => ordered.orderBy(column), query))
		)
		.onConflict((oc) =>
			oc
				.columns([...key])
				.doUpdateSet((eb) => ({ n: eb('answer_tally.n', '+', eb.ref('excluded.n')) }))
		)
		.execute();
}

/** Counts one response, in the transaction that submits it. */
export function tallyResponse(tx: Tx, responseId: number): Promise<void> {
	return addToTallies(tx, (response) => sql<SqlBool>`${sql.ref(`${response}.id`)} = ${responseId}`);
}

/**
 * Counts a consultation's responses again from its answers: for responses
 * written straight into the database (the bench's seeding), and to check
 * that the counts kept at submission are the same.
 */
export async function recountConsultation(db: Executor, consultationId: number): Promise<void> {
	await db.deleteFrom('response_tally').where('consultation_id', '=', consultationId).execute();
	await db
		.deleteFrom('answer_tally')
		.where('question_id', 'in', (eb) =>
			eb
				.selectFrom('question')
				.select('question.id')
				.where('question.consultation_id', '=', consultationId)
		)
		.execute();
	await addToTallies(
		db,
		(response) => sql<SqlBool>`${sql.ref(`${response}.consultation_id`)} = ${consultationId}`
	);
}

/** The conditions of a filter on a tally table's dimension columns. */
export function tallyConditions(filter: TallyFilter, table: 'response_tally' | 'answer_tally') {
	const column = (name: string) => sql.ref(`${table}.${name}`);
	const conditions: RawBuilder<SqlBool>[] = [];
	if (filter.territoryId !== null)
		conditions.push(sql<SqlBool>`${column('territory_id')} = ${filter.territoryId}`);
	if (filter.audience) conditions.push(sql<SqlBool>`${column('audience')} = ${filter.audience}`);
	if (filter.channel) conditions.push(sql<SqlBool>`${column('channel')} = ${filter.channel}`);
	if (filter.age) conditions.push(sql<SqlBool>`${column('age_band')} = ${filter.age}`);
	return conditions;
}
