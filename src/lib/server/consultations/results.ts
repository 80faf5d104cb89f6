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

export const DIMENSION_COLUMNS = {
	territoire: 'response.territory_id',
	public: 'response.audience',
	canal: 'response.channel',
	age: 'response.age_band'
} as const satisfies Record<Dimension, string>;

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

export async function computeResults(
	db: Executor,
	questionnaire: Questionnaire,
	filter: ResultsFilter = {}
): Promise<ConsultationResults> {
	const questions = allQuestions(questionnaire);
	const territoryId = await territoryIdOf(db, filter.territory);
	const totalRow = await applyFilter(
		db
			.selectFrom('response')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('response.consultation_id', '=', questionnaire.consultationId)
			.where('response.status', '=', 'envoyee'),
		filter,
		territoryId
	).executeTakeFirstOrThrow();
	const total = Number(totalRow.n);
	if (questions.length === 0) return { total, questions: [] };
	const ids = questions.map((q) => q.id);
	const ofKind = (...kinds: Question['kind'][]) =>
		questions.filter((q) => kinds.includes(q.kind)).map((q) => q.id);
	const scaleIds = ofKind('echelle');
	const numberIds = ofKind('nombre', 'date');
	const communeIds = ofKind('commune');
	const countedIds = ofKind('nombre', 'date', 'commune', 'texte_court', 'texte_long');
	const otherOptionIds = questions.flatMap((q) =>
		q.options.filter((o) => o.isOther).map((o) => o.id)
	);

	const [perQuestion, perOption, perValue, stats, perCommune, others] = await Promise.all([
		countedIds.length
			? answersOf(db, countedIds, filter, territoryId)
					.select(['answer.question_id', (eb) => eb.fn.countAll<number>().as('n')])
					.groupBy('answer.question_id')
					.execute()
			: [],
		answersOf(db, ids, filter, territoryId)
			.where('answer.option_id', 'is not', null)
			.select([
				'answer.question_id',
				'answer.option_id',
				(eb) => eb.fn.countAll<number>().as('n'),
				(eb) => eb.fn.sum<number>('answer.number_value').as('rank_sum'),
				sql<number>`sum(case when answer.number_value = 1 then 1 else 0 end)`.as('firsts')
			])
			.groupBy(['answer.question_id', 'answer.option_id'])
			.execute(),
		scaleIds.length
			? answersOf(db, scaleIds, filter, territoryId)
					.where('answer.option_id', 'is', null)
					.select([
						'answer.question_id',
						'answer.number_value',
						(eb) => eb.fn.countAll<number>().as('n')
					])
					.groupBy(['answer.question_id', 'answer.number_value'])
					.execute()
			: [],
		numberIds.length
			? answersOf(db, numberIds, filter, territoryId)
					.select([
						'answer.question_id',
						(eb) => eb.fn.avg<number>('answer.number_value').as('mean'),
						(eb) =>
							eb.fn
								.min(sql<string>`coalesce(answer.text_value, cast(answer.number_value as text))`)
								.as('min'),
						(eb) =>
							eb.fn
								.max(sql<string>`coalesce(answer.text_value, cast(answer.number_value as text))`)
								.as('max'),
						(eb) => eb.fn.min<number>('answer.number_value').as('min_number'),
						(eb) => eb.fn.max<number>('answer.number_value').as('max_number')
					])
					.groupBy('answer.question_id')
					.execute()
			: [],
		communeIds.length
			? answersOf(db, communeIds, filter, territoryId)
					.innerJoin('commune', 'commune.insee_code', 'answer.text_value')
					.select([
						'answer.question_id',
						'commune.insee_code as code',
						'commune.name',
						(eb) => eb.fn.countAll<number>().as('n')
					])
					.groupBy(['answer.question_id', 'commune.insee_code', 'commune.name'])
					.execute()
			: [],
		otherOptionIds.length
			? answersOf(db, ids, filter, territoryId)
					.where('answer.option_id', 'in', otherOptionIds)
					.where('answer.text_value', 'is not', null)
					.select(['answer.question_id', 'answer.text_value'])
					.orderBy('answer.id', 'desc')
					.limit(500)
					.execute()
			: []
	]);

	// Respondents per question, from the counts already made: every choice
	// answer marks one row with 1 (the first option, or the first rank).
	const answered = new Map(perQuestion.map((r) => [r.question_id, Number(r.n)]));
	const kindOf = new Map(questions.map((q) => [q.id, q.kind]));
	const add = (id: number, n: number) => answered.set(id, (answered.get(id) ?? 0) + n);
	for (const r of perOption) add(r.question_id, Number(r.firsts));
	for (const r of perValue)
		if (kindOf.get(r.question_id) === 'echelle') add(r.question_id, Number(r.n));
	const optionRows = new Map(perOption.map((r) => [`${r.question_id}:${r.option_id}`, r]));
	const valueRows = new Map(
		perValue.map((r) => [`${r.question_id}:${r.number_value}`, Number(r.n)])
	);
	const statRows = new Map(stats.map((r) => [r.question_id, r]));
	const medians = await computeMedians(db, questions, answered, filter, territoryId);

	return {
		total,
		questions: questions.map((question): QuestionResult => {
			const respondents = answered.get(question.id) ?? 0;
			const result: QuestionResult = {
				question,
				respondents,
				counts: [],
				mean: null,
				median: medians.get(question.id) ?? null,
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
			if (question.kind === 'classement') {
				const n = question.options.length;
				result.ranking = question.options
					.map((option) => {
						const row = optionRows.get(`${question.id}:${option.id}`);
						const count = Number(row?.n ?? 0);
						const rankSum = Number(row?.rank_sum ?? 0);
						return {
							label: option.label,
							score: respondents ? round((count * (n + 1) - rankSum) / respondents) : 0,
							firstChoices: Number(row?.firsts ?? 0),
							meanRank: count ? round(rankSum / count) : 0,
							rankedBy: count
						};
					})
					.sort((a, b) => b.score - a.score);
			} else if (question.options.length > 0) {
				result.counts = question.options.map((option) => {
					const count = Number(optionRows.get(`${question.id}:${option.id}`)?.n ?? 0);
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
					const count = valueRows.get(`${question.id}:${value}`) ?? 0;
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
				result.counts = perCommune
					.filter((r) => r.question_id === question.id)
					.map((r) => ({
						key: r.code,
						label: r.name,
						count: Number(r.n),
						percent: percent(Number(r.n), respondents)
					}))
					.sort((a, b) => b.count - a.count || compareFrench(a.label, b.label));
			}
			const stat = statRows.get(question.id);
			if (stat && question.kind === 'nombre') {
				result.mean = stat.mean === null ? null : round(Number(stat.mean));
				result.min = stat.min_number === null ? null : String(stat.min_number);
				result.max = stat.max_number === null ? null : String(stat.max_number);
			} else if (stat && question.kind === 'date') {
				result.min = stat.min;
				result.max = stat.max;
			}
			return result;
		})
	};
}

async function computeMedians(
	db: Executor,
	questions: Question[],
	answered: Map<number, number>,
	filter: ResultsFilter,
	territoryId: number | null
): Promise<Map<number, number>> {
	const medians = new Map<number, number>();
	for (const question of questions.filter((q) => q.kind === 'nombre' || q.kind === 'echelle')) {
		const n = answered.get(question.id) ?? 0;
		if (n === 0) continue;
		const middle = await answersOf(db, [question.id], filter, territoryId)
			.where('answer.option_id', 'is', null)
			.select('answer.number_value')
			.orderBy('answer.number_value')
			.limit(n % 2 === 0 ? 2 : 1)
			.offset(n % 2 === 0 ? n / 2 - 1 : (n - 1) / 2)
			.execute();
		const values = middle.map((r) => Number(r.number_value));
		medians.set(question.id, round(values.reduce((a, b) => a + b, 0) / values.length));
	}
	return medians;
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
	const questions = everyQuestion.filter((q) =>
		['choix_unique', 'choix_multiple', 'oui_non', 'echelle'].includes(q.kind)
	);
	const labels = await dimensionLabels(db, dimension);
	const cells: Breakdown['cells'] = new Map();
	const respondentsOf: Breakdown['respondents'] = new Map();
	if (everyQuestion.length === 0)
		return { dimension, columns: [], cells, respondents: respondentsOf };
	const territoryId = await territoryIdOf(db, filter.territory);
	const column = DIMENSION_COLUMNS[dimension];
	const base = () =>
		applyFilter(
			db
				.selectFrom('answer')
				.innerJoin('response', 'response.id', 'answer.response_id')
				.where(
					'answer.question_id',
					'in',
					questions.map((q) => q.id)
				) as unknown as SelectQueryBuilder<Database, 'response', object>,
			filter,
			territoryId
		) as unknown as SelectQueryBuilder<Database, 'answer' | 'response', object>;
	const [rows, respondents, perQuestion] = await Promise.all([
		questions.length === 0
			? []
			: base()
					.select([
						'answer.question_id',
						sql<string>`coalesce(cast(answer.option_id as text), 'v' || cast(answer.number_value as integer))`.as(
							'value_key'
						),
						sql<string>`cast(${sql.ref(column)} as text)`.as('dim'),
						(eb) => eb.fn.countAll<number>().as('n')
					])
					.groupBy(['answer.question_id', 'value_key', 'dim'])
					.execute(),
		applyFilter(
			db
				.selectFrom('response')
				.where('response.consultation_id', '=', questionnaire.consultationId)
				.where('response.status', '=', 'envoyee'),
			filter,
			territoryId
		)
			.select([
				sql<string>`cast(${sql.ref(column)} as text)`.as('dim'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.groupBy('dim')
			.execute(),
		!options.respondents
			? []
			: applyFilter(
					db
						.selectFrom('answer')
						.innerJoin('response', 'response.id', 'answer.response_id')
						.where(
							'answer.question_id',
							'in',
							everyQuestion.map((q) => q.id)
						) as unknown as SelectQueryBuilder<Database, 'response', object>,
					filter,
					territoryId
				)
					.where('response.status', '=', 'envoyee')
					.select([
						sql<number>`answer.question_id`.as('question_id'),
						sql<string>`cast(${sql.ref(column)} as text)`.as('dim'),
						// One row per respondent is marked: a value without option, or the
						// first row of a choice answer (see computeResults).
						sql<number>`sum(case when answer.option_id is null then 1 when answer.number_value = 1 then 1 else 0 end)`.as(
							'n'
						)
					])
					.groupBy(['question_id', 'dim'])
					.execute()
	]);
	for (const row of perQuestion) {
		const byDim = respondentsOf.get(row.question_id) ?? new Map<string, number>();
		respondentsOf.set(row.question_id, byDim);
		byDim.set(row.dim ?? '', Number(row.n));
	}
	for (const row of rows) {
		const byValue = cells.get(row.question_id) ?? new Map<string, Map<string, number>>();
		cells.set(row.question_id, byValue);
		const byDim = byValue.get(row.value_key) ?? new Map<string, number>();
		byValue.set(row.value_key, byDim);
		byDim.set(row.dim ?? '', Number(row.n));
	}
	const columns = respondents
		.map((r) => ({
			key: r.dim ?? '',
			label: r.dim === null ? 'Non renseigné' : (labels.get(r.dim) ?? r.dim),
			respondents: Number(r.n)
		}))
		.sort((a, b) => {
			const order = [...labels.keys()];
			return (order.indexOf(a.key) + 1 || 99) - (order.indexOf(b.key) + 1 || 99);
		});
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
