// What a results page needs: filters read from the address (unknown values
// are ignored, never an error), results, and the breakdown asked for.
import { oneOf } from '$lib/codes';
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import {
	AGE_BANDS,
	AUDIENCE_LABELS,
	type Dimension,
	AUDIENCES,
	CHANNEL_LABELS,
	CHANNELS,
	DIMENSION_LABELS,
	DIMENSIONS
} from '$lib/consultation-vocabulary';
import type { Question, Questionnaire } from './model';
import {
	computeBreakdown,
	computeResults,
	isDimension,
	type ConsultationResults,
	type ResultsFilter
} from './results';
import { breakdownView, resultsView } from './view';
import type { Figure } from '$lib/disclosure';
import type { BreakdownView, QuestionResultView } from '$lib/results-view';
import {
	groupSmallCommunes,
	protectDimension,
	protectWhole,
	publicBreakdownView,
	publicQuestionView
} from './public-results';

const FILTER_DIMENSIONS = {
	territory: 'territoire',
	audience: 'public',
	channel: 'canal',
	age: 'age'
} as const satisfies Record<keyof ResultsFilter, Dimension>;

export interface ResultsPageView {
	total: Figure;
	questions: QuestionResultView[];
	breakdown: BreakdownView | null;
	/** Why nothing is shown (public pages only). */
	withheld: string | null;
	/** The disclosure threshold, on public pages. */
	threshold: number | null;
}

const valueKey = (question: Question, key: string) =>
	question.kind === 'echelle' ? `v${key}` : key;

/**
 * `threshold`: the public page, protected by disclosure control and limited
 * to one criterion at a time (see public-results.ts); `actor`: exact figures,
 * for those allowed to read results in the back-office.
 */
export async function loadResultsPage(
	db: Executor,
	questionnaire: Questionnaire,
	url: URL,
	options: { threshold: number } | { actor: Actor | null }
) {
	const threshold = 'threshold' in options ? options.threshold : undefined;
	if (threshold === undefined)
		assertCan('actor' in options ? options.actor : null, 'consultations.results');
	const territories = await db
		.selectFrom('territory')
		.select(['id', 'code', 'name'])
		.orderBy('position')
		.execute();
	const params = url.searchParams;
	const filter: ResultsFilter = {
		territory: oneOf(
			territories.map((t) => t.code),
			params.get('territoire')
		),
		audience: oneOf(AUDIENCES, params.get('public')),
		channel: oneOf(CHANNELS, params.get('canal')),
		age: oneOf(
			AGE_BANDS.map((b) => b.code),
			params.get('age')
		)
	};
	const dimension = params.get('ventilation');
	const view =
		threshold === undefined
			? await exactView(db, questionnaire, filter, isDimension(dimension) ? dimension : null)
			: await publicView(
					db,
					questionnaire,
					filter,
					isDimension(dimension) ? dimension : null,
					threshold,
					(code) => String(territories.find((t) => t.code === code)?.id ?? '')
				);
	return {
		...view,
		filters: {
			territoire: filter.territory ?? '',
			public: filter.audience ?? '',
			canal: filter.channel ?? '',
			age: filter.age ?? '',
			ventilation: isDimension(dimension) ? dimension : ''
		},
		filterOptions: {
			territoire: territories.map((t) => ({ value: t.code, label: t.name })),
			public: AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] })),
			canal: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
			age: AGE_BANDS.map((b) => ({ value: b.code, label: b.label })),
			ventilation: DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))
		}
	};
}

async function exactView(
	db: Executor,
	questionnaire: Questionnaire,
	filter: ResultsFilter,
	dimension: Dimension | null
): Promise<ResultsPageView> {
	const [results, breakdown] = await Promise.all([
		computeResults(db, questionnaire, filter),
		dimension ? computeBreakdown(db, questionnaire, dimension, filter) : null
	]);
	return {
		...resultsView(results, questionnaire),
		breakdown: breakdown ? breakdownView(breakdown) : null,
		withheld: null,
		threshold: null
	};
}

function withheldView(reason: string, threshold: number): ResultsPageView {
	return { total: 'small', questions: [], breakdown: null, withheld: reason, threshold };
}

async function publicView(
	db: Executor,
	questionnaire: Questionnaire,
	filter: ResultsFilter,
	ventilation: Dimension | null,
	threshold: number,
	territoryKey: (code: string) => string
): Promise<ResultsPageView> {
	const filters = (Object.keys(FILTER_DIMENSIONS) as (keyof ResultsFilter)[]).filter(
		(key) => filter[key]
	);
	if (filters.length + (ventilation ? 1 : 0) > 1)
		return withheldView(
			'Sur cette page publique, les résultats se lisent selon un seul critère à la fois (un filtre ou une ventilation) : en croisant plusieurs critères, on pourrait reconnaître une personne. Choisissez un seul critère.',
			threshold
		);
	const whole = groupSmallCommunes(await computeResults(db, questionnaire), threshold);
	if (whole.total < threshold)
		return withheldView(
			`Cette consultation a reçu moins de ${threshold} réponses : ses résultats ne sont pas publiés, pour qu’on ne puisse reconnaître personne.`,
			threshold
		);
	const wholeStates = protectWhole(whole, threshold);
	const dimension = filters.length ? FILTER_DIMENSIONS[filters[0]] : ventilation;
	if (!dimension) return protectedWholeView(whole, wholeStates, questionnaire, threshold, null);

	const breakdown = await computeBreakdown(db, questionnaire, dimension, {}, { respondents: true });
	const protection = protectDimension(whole, wholeStates, breakdown, threshold, valueKey);
	if (ventilation) {
		const label = DIMENSION_LABELS[dimension];
		return protectedWholeView(
			whole,
			wholeStates,
			questionnaire,
			threshold,
			publicBreakdownView(breakdown, protection, label)
		);
	}
	const key = filters[0];
	const columnKey = key === 'territory' ? territoryKey(filter[key]!) : filter[key]!;
	const column = protection.columns.find((c) => c.key === columnKey);
	if (!column || column.respondents !== 'shown')
		return withheldView(
			`Moins de ${threshold} personnes correspondent à ce critère, ou leur nombre permettrait d’en retrouver un plus petit : les résultats ne sont pas affichés, pour qu’on ne puisse reconnaître personne. Choisissez un autre critère, ou affichez l’ensemble des réponses.`,
			threshold
		);
	const filtered = await computeResults(db, questionnaire, { [key]: filter[key] });
	return {
		total: filtered.total,
		questions: filtered.questions.map((result) => {
			const protectedQuestion = protection.questions.get(result.question.id)!;
			const cells = result.question.options.length || result.question.kind === 'echelle';
			const counts =
				protectedQuestion.cells.size && cells
					? result.counts.map(
							(c) =>
								protectedQuestion.cells.get(valueKey(result.question, c.key))?.get(columnKey) ??
								'masked'
						)
					: null;
			return publicQuestionView(
				result,
				questionnaire,
				{
					respondents: protectedQuestion.respondents.get(columnKey) ?? 'masked',
					counts,
					withheld: protectedQuestion.withheld.has(columnKey)
				},
				threshold
			);
		}),
		breakdown: null,
		withheld: null,
		threshold
	};
}

function protectedWholeView(
	whole: ConsultationResults,
	states: ReturnType<typeof protectWhole>,
	questionnaire: Questionnaire,
	threshold: number,
	breakdown: BreakdownView | null
): ResultsPageView {
	return {
		total: whole.total,
		questions: whole.questions.map((result, q) =>
			publicQuestionView(result, questionnaire, states[q], threshold)
		),
		breakdown,
		withheld: null,
		threshold
	};
}
