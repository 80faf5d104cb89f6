// Results of a consultation: a handful of GROUP BY queries over the
// normalised answers, whatever the number of responses.
import type { Audience, Channel } from '$lib/consultation-vocabulary';
import { compareFrench } from '$lib/french';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import type { Database } from '../db/schema';
import {
	AGE_BANDS,
	AUDIENCE_LABELS,
	CHANNEL_LABELS,
	DIMENSIONS,
	type Dimension
} from '$lib/consultation-vocabulary';
import { allQuestions, scaleBounds, type Question, type Questionnaire } from './model';
import { dimensionKey, TALLY_DIMENSIONS, tallyConditions, type TallyFilter } from './tallies';

export interface ResultsFilter {
	territory?: string;
	audience?: Audience;
	channel?: Channel;
	age?: string;
}

export interface Count {
	key: string;
	label: string;
	count: number;
	/** Share of the question's respondents, 0 to 100. */
	percent: number;
}

export interface RankingRow {
	label: string;
	/** Average Borda points: the top rank is worth as many points as there are options. */
	score: number;
	firstChoices: number;
	meanRank: number;
	rankedBy: number;
}

export interface QuestionResult {
	question: Question;
	respondents: number;
	counts: Count[];
	mean: number | null;
	median: number | null;
	min: string | null;
	max: string | null;
	ranking: RankingRow[];
	otherTexts: string[];
	textCount: number;
}

export interface ConsultationResults {
	total: number;
	questions: QuestionResult[];
}

type AnswerQuery = SelectQueryBuilder<Database, 'answer', object>;

function needsJoin(filter: ResultsFilter): boolean {
	return Boolean(filter.territory || filter.audience || filter.channel || filter.age);
}

async function territoryIdOf(db: Executor, code: string | undefined): Promise<number | null> {
	if (!code) return null;
	const row = await db
		.selectFrom('territory')
		.select('id')
		.where('code', '=', code)
		.executeTakeFirst();
	return row?.id ?? -1;
}

/** The responses kept by the filter, as a subquery-free set of conditions. */
function applyFilter<Q extends SelectQueryBuilder<Database, 'response', object>>(
	query: Q,
	filter: ResultsFilter,
	territoryId: number | null
): Q {
	let q = query;
	if (territoryId !== null) q = q.where('response.territory_id', '=', territoryId) as Q;
	if (filter.audience) q = q.where('response.audience', '=', filter.audience) as Q;
	if (filter.channel) q = q.where('response.channel', '=', filter.channel) as Q;
	if (filter.age) q = q.where('response.age_band', '=', filter.age) as Q;
	return q;
}

function answersOf(
	db: Executor,
	questionIds: number[],
	filter: ResultsFilter,
	territoryId: number | null
): AnswerQuery {
	const base = db.selectFrom('answer').where('answer.question_id', 'in', questionIds);
	if (!needsJoin(filter)) return base;
	// IN (subquery) rather than a join: SQLite builds the set of kept responses
	// once, which is about twice as fast over millions of answer rows.
	const kept = applyFilter(
		db.selectFrom('response').select('response.id').where('response.status', '=', 'envoyee'),
		filter,
		territoryId
	);
	return base.where('answer.response_id', 'in', kept);
}

/** A share in percent, one decimal. */
export function percent(count: number, of: number): number {
	return of === 0 ? 0 : Math.round((count / of) * 1000) / 10;
}

function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

interface TallyRow {
	question_id: number;
	option_id: number;
	value_key: string;
	number_value: number | null;
	n: number;
}

/** The answer counts kept for these questions, summed over the responses the filter keeps. */
async function answerCounts(
	db: Executor,
	questionIds: number[],
	filter: TallyFilter
): Promise<TallyRow[]> {
	const rows = await db
		.selectFrom('answer_tally')
		.select([
			'question_id',
			'option_id',
			'value_key',
			(eb) => eb.fn.max('number_value').as('number_value'),
			(eb) => eb.fn.sum<number>('n').as('n')
		])
		.where('question_id', 'in', questionIds)
		.where((eb) => eb.and(tallyConditions(filter, 'answer_tally')))
		.groupBy(['question_id', 'option_id', 'value_key'])
		.execute();
	return rows.map((r) => ({
		...r,
		number_value: r.number_value === null ? null : Number(r.number_value),
		n: Number(r.n)
	}));
}

/** Respondents are counted by marks: a value without option, or a choice's first row. */
function marksRespondent(row: { option_id: number; number_value: number | null }): boolean {
	return row.option_id === 0 || row.number_value === 1;
}

/** The middle of `n` values given as (value, count) pairs in increasing order. */
function medianOf(values: { value: number; n: number }[], n: number): number {
	const wanted = n % 2 === 0 ? [n / 2 - 1, n / 2] : [(n - 1) / 2];
	const found: number[] = [];
	let seen = 0;
	for (const { value, n: count } of values) {
		while (found.length < wanted.length && wanted[found.length] < seen + count) found.push(value);
		seen += count;
	}
	return round(found.reduce((a, b) => a + b, 0) / found.length);
}

async function communeNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
	if (codes.length === 0) return new Map();
	const rows = await db
		.selectFrom('commune')
		.select(['insee_code', 'name'])
		.where('insee_code', 'in', codes)
		.execute();
	return new Map(rows.map((r) => [r.insee_code, r.name]));
}

async function respondentTotal(
	db: Executor,
	consultationId: number,
	filter: TallyFilter
): Promise<number> {
	const row = await db
		.selectFrom('response_tally')
		.select((eb) => eb.fn.sum<number>('n').as('n'))
		.where('consultation_id', '=', consultationId)
		.where((eb) => eb.and(tallyConditions(filter, 'response_tally')))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** The filter as the tallies read it. */
async function tallyFilterOf(db: Executor, filter: ResultsFilter): Promise<TallyFilter> {
	return {
		territoryId: await territoryIdOf(db, filter.territory),
		audience: filter.audience,
		channel: filter.channel,
		age: filter.age
	};
}

export async function computeResults(
	db: Executor,
	questionnaire: Questionnaire,
	filter: ResultsFilter = {}
): Promise<ConsultationResults> {
	const questions = allQuestions(questionnaire);
	const kept = await tallyFilterOf(db, filter);
	const total = await respondentTotal(db, questionnaire.consultationId, kept);
	if (questions.length === 0) return { total, questions: [] };
	const ids = questions.map((q) => q.id);
	const otherOptionIds = questions.flatMap((q) =>
		q.options.filter((o) => o.isOther).map((o) => o.id)
	);
	const [counts, others] = await Promise.all([
		answerCounts(db, ids, kept),
		otherOptionIds.length
			? answersOf(db, ids, filter, kept.territoryId)
					.where('answer.option_id', 'in', otherOptionIds)
					.where('answer.text_value', 'is not', null)
					.select(['answer.question_id', 'answer.text_value'])
					.orderBy('answer.id', 'desc')
					.limit(500)
					.execute()
			: []
	]);
	const rowsOf = new Map<number, TallyRow[]>();
	for (const row of counts) {
		const list = rowsOf.get(row.question_id) ?? [];
		rowsOf.set(row.question_id, list);
		list.push(row);
	}
	const names = await communeNames(db, [
		...new Set(
			questions
				.filter((q) => q.kind === 'commune')
				.flatMap((q) => (rowsOf.get(q.id) ?? []).map((r) => r.value_key))
		)
	]);

	return {
		total,
		questions: questions.map((question): QuestionResult => {
			const rows = rowsOf.get(question.id) ?? [];
			const respondents = rows.filter(marksRespondent).reduce((sum, r) => sum + r.n, 0);
			const values = rows
				.filter((r) => r.option_id === 0 && r.number_value !== null)
				.map((r) => ({ value: r.number_value!, n: r.n }))
				.sort((a, b) => a.value - b.value);
			const valueCount = values.reduce((sum, v) => sum + v.n, 0);
			const result: QuestionResult = {
				question,
				respondents,
				counts: [],
				mean: null,
				median:
					(question.kind === 'nombre' || question.kind === 'echelle') && valueCount > 0
						? medianOf(values, valueCount)
						: null,
				min: null,
				max: null,
				ranking: [],
				otherTexts: others
					.filter((o) => o.question_id === question.id)
					.map((o) => o.text_value!)
					.slice(0, 50),
				textCount:
					question.kind === 'texte_court' || question.kind === 'texte_long' ? respondents : 0
			};
			const ofOption = (optionId: number) => {
				const mine = rows.filter((r) => r.option_id === optionId);
				return {
					count: mine.reduce((sum, r) => sum + r.n, 0),
					rankSum: mine.reduce((sum, r) => sum + r.n * (r.number_value ?? 0), 0),
					firsts: mine.filter((r) => r.number_value === 1).reduce((sum, r) => sum + r.n, 0)
				};
			};
			if (question.kind === 'classement') {
				const n = question.options.length;
				result.ranking = question.options
					.map((option) => {
						const { count, rankSum, firsts } = ofOption(option.id);
						return {
							label: option.label,
							score: respondents ? round((count * (n + 1) - rankSum) / respondents) : 0,
							firstChoices: firsts,
							meanRank: count ? round(rankSum / count) : 0,
							rankedBy: count
						};
					})
					.sort((a, b) => b.score - a.score);
			} else if (question.options.length > 0) {
				result.counts = question.options.map((option) => {
					const { count } = ofOption(option.id);
					return {
						key: String(option.id),
						label: option.label,
						count,
						percent: percent(count, respondents)
					};
				});
			} else if (question.kind === 'echelle') {
				const { min, max } = scaleBounds(question);
				let sum = 0;
				for (let value = min; value <= max; value++) {
					const count = values.find((v) => v.value === value)?.n ?? 0;
					sum += count * value;
					const end =
						value === min
							? question.settings.minLabel
							: value === max
								? question.settings.maxLabel
								: '';
					result.counts.push({
						key: String(value),
						label: end ? `${value} (${end})` : String(value),
						count,
						percent: percent(count, respondents)
					});
				}
				result.mean = respondents ? round(sum / respondents) : null;
			} else if (question.kind === 'commune') {
				result.counts = rows
					.filter((r) => names.has(r.value_key))
					.map((r) => ({
						key: r.value_key,
						label: names.get(r.value_key)!,
						count: r.n,
						percent: percent(r.n, respondents)
					}))
					.sort((a, b) => b.count - a.count || compareFrench(a.label, b.label));
			} else if (question.kind === 'nombre' && valueCount > 0) {
				result.mean = round(values.reduce((sum, v) => sum + v.value * v.n, 0) / valueCount);
				result.min = String(values[0].value);
				result.max = String(values[values.length - 1].value);
			} else if (question.kind === 'date' && rows.length > 0) {
				const days = rows.map((r) => r.value_key).sort();
				result.min = days[0];
				result.max = days[days.length - 1];
			}
			return result;
		})
	};
}

export interface BreakdownColumn {
	key: string;
	label: string;
	respondents: number;
}

export interface Breakdown {
	dimension: Dimension;
	columns: BreakdownColumn[];
	/** question id → option or value key → column key → count */
	cells: Map<number, Map<string, Map<string, number>>>;
	/** question id → column key → people who answered it (every question, not only choices) */
	respondents: Map<number, Map<string, number>>;
}

export function isDimension(value: string | null): value is Dimension {
	return (DIMENSIONS as readonly string[]).includes(value ?? '');
}

async function dimensionLabels(db: Executor, dimension: Dimension): Promise<Map<string, string>> {
	switch (dimension) {
		case 'territoire': {
			const rows = await db
				.selectFrom('territory')
				.select(['id', 'name'])
				.orderBy('position')
				.execute();
			return new Map(rows.map((r) => [String(r.id), r.name]));
		}
		case 'public':
			return new Map(Object.entries(AUDIENCE_LABELS));
		case 'canal':
			return new Map(Object.entries(CHANNEL_LABELS));
		case 'age':
			return new Map(AGE_BANDS.map((b) => [b.code, b.label]));
	}
}

/** Counts of every choice and scale question split by one dimension. */
export async function computeBreakdown(
	db: Executor,
	questionnaire: Questionnaire,
	dimension: Dimension,
	filter: ResultsFilter = {},
	/** Also count each question's respondents per column (public pages need them). */
	options: { respondents?: boolean } = {}
): Promise<Breakdown> {
	const everyQuestion = allQuestions(questionnaire);
	const split = new Set(
		everyQuestion
			.filter((q) => ['choix_unique', 'choix_multiple', 'oui_non', 'echelle'].includes(q.kind))
			.map((q) => q.id)
	);
	const labels = await dimensionLabels(db, dimension);
	const cells: Breakdown['cells'] = new Map();
	const respondentsOf: Breakdown['respondents'] = new Map();
	if (everyQuestion.length === 0)
		return { dimension, columns: [], cells, respondents: respondentsOf };
	const kept = await tallyFilterOf(db, filter);
	const column = TALLY_DIMENSIONS[dimension];
	const counted = options.respondents ? everyQuestion.map((q) => q.id) : [...split];
	const [rows, respondents] = await Promise.all([
		counted.length === 0
			? []
			: db
					.selectFrom('answer_tally')
					.select([
						'question_id',
						'option_id',
						'value_key',
						sql<string | number>`${sql.ref(column)}`.as('dim'),
						(eb) => eb.fn.max('number_value').as('number_value'),
						(eb) => eb.fn.sum<number>('n').as('n')
					])
					.where('question_id', 'in', counted)
					.where((eb) => eb.and(tallyConditions(kept, 'answer_tally')))
					.groupBy(['question_id', 'option_id', 'value_key', column])
					.execute(),
		db
			.selectFrom('response_tally')
			.select([
				sql<string | number>`${sql.ref(column)}`.as('dim'),
				(eb) => eb.fn.sum<number>('n').as('n')
			])
			.where('consultation_id', '=', questionnaire.consultationId)
			.where((eb) => eb.and(tallyConditions(kept, 'response_tally')))
			.groupBy(column)
			.execute()
	]);
	const add = (map: Map<string, number>, key: string, n: number) =>
		map.set(key, (map.get(key) ?? 0) + n);
	for (const row of rows) {
		const dim = dimensionKey(row.dim);
		const n = Number(row.n);
		const number = row.number_value === null ? null : Number(row.number_value);
		if (
			options.respondents &&
			marksRespondent({ option_id: row.option_id, number_value: number })
		) {
			const byDim = respondentsOf.get(row.question_id) ?? new Map<string, number>();
			respondentsOf.set(row.question_id, byDim);
			add(byDim, dim, n);
		}
		if (!split.has(row.question_id)) continue;
		const valueKey = row.option_id !== 0 ? String(row.option_id) : `v${Math.trunc(number ?? 0)}`;
		const byValue = cells.get(row.question_id) ?? new Map<string, Map<string, number>>();
		cells.set(row.question_id, byValue);
		const byDim = byValue.get(valueKey) ?? new Map<string, number>();
		byValue.set(valueKey, byDim);
		add(byDim, dim, n);
	}
	const order = [...labels.keys()];
	const columns = respondents
		.map((r) => {
			const key = dimensionKey(r.dim);
			return {
				key,
				label: key === '' ? 'Non renseigné' : (labels.get(key) ?? key),
				respondents: Number(r.n)
			};
		})
		.sort((a, b) => (order.indexOf(a.key) + 1 || 99) - (order.indexOf(b.key) + 1 || 99));
	return { dimension, columns, cells, respondents: respondentsOf };
}

export interface FreeText {
	questionId: number;
	text: string;
	territory: string | null;
	submittedAt: string;
}

/** Free-text answers, newest first, optionally containing `search`. */
export async function listFreeTexts(
	db: Executor,
	actor: Actor | null,
	questionnaire: Questionnaire,
	options: { questionId?: number; search?: string; limit: number; offset: number }
): Promise<{ total: number; items: FreeText[] }> {
	assertCan(actor, 'consultations.results');
	const textIds = allQuestions(questionnaire)
		.filter((q) => (q.kind === 'texte_court' || q.kind === 'texte_long') && !q.profileKey)
		.map((q) => q.id)
		.filter((id) => options.questionId === undefined || id === options.questionId);
	if (textIds.length === 0) return { total: 0, items: [] };
	let query = db
		.selectFrom('answer')
		.innerJoin('response', 'response.id', 'answer.response_id')
		.leftJoin('territory', 'territory.id', 'response.territory_id')
		.where('answer.question_id', 'in', textIds)
		.where('answer.text_value', 'is not', null);
	const search = options.search?.trim();
	if (search) {
		// lower() on both sides: SQLite's like ignores ASCII case, PostgreSQL's does not.
		const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		query = query.where(sql<boolean>`lower(answer.text_value) like ${pattern} escape '\\'`);
	}
	const [count, items] = await Promise.all([
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
		query
			.select([
				'answer.question_id',
				'answer.text_value',
				'territory.name as territory',
				'response.submitted_at'
			])
			.orderBy('answer.id', 'desc')
			.limit(options.limit)
			.offset(options.offset)
			.execute()
	]);
	return {
		total: Number(count.n),
		items: items.map((r) => ({
			questionId: r.question_id,
			text: r.text_value!,
			territory: r.territory,
			submittedAt: r.submitted_at ?? ''
		}))
	};
}
