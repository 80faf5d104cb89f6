// What a results page needs: filters read from the address (unknown values
// are ignored, never an error), results, and the breakdown asked for.
import type { Executor } from '../db/database';
import {
	AGE_BANDS,
	AUDIENCE_LABELS,
	AUDIENCES,
	CHANNEL_LABELS,
	CHANNELS,
	DIMENSION_LABELS,
	DIMENSIONS
} from '$lib/consultation-vocabulary';
import type { Questionnaire } from './model';
import { computeBreakdown, computeResults, isDimension, type ResultsFilter } from './results';
import { breakdownView, resultsView } from './view';

function oneOf(values: readonly string[], value: string | null): string | undefined {
	return value && values.includes(value) ? value : undefined;
}

export async function loadResultsPage(db: Executor, questionnaire: Questionnaire, url: URL) {
	const territories = await db
		.selectFrom('territory')
		.select(['code', 'name'])
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
	const [results, breakdown] = await Promise.all([
		computeResults(db, questionnaire, filter),
		isDimension(dimension) ? computeBreakdown(db, questionnaire, dimension, filter) : null
	]);
	return {
		...resultsView(results, questionnaire),
		breakdown: breakdown ? breakdownView(breakdown) : null,
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
