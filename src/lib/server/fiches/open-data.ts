// The whole plan as open data. Columns are stable (documented in README).
import { writeCsvRecords } from '../csv';
import type { Db } from '../db/database';
import { fromDbDate, fromDbJson } from '../db/codecs';
import { isFicheStatus } from './status';

export interface OpenDataFiche {
	ref: string;
	title: string;
	component: string;
	axis: string | null;
	objective: string | null;
	number: number | null;
	status: string | null;
	flagshipYears: number[];
	territory: string | null;
	direction: string | null;
	budget: string | null;
	keyFigures: string[];
	updatedAt: string;
}

export async function openDataFiches(db: Db): Promise<OpenDataFiche[]> {
	const [rows, years] = await Promise.all([
		db
			.selectFrom('fiche')
			.leftJoin('objective', 'objective.id', 'fiche.objective_id')
			.leftJoin('territory', 'territory.id', 'fiche.territory_id')
			.selectAll('fiche')
			.select(['objective.title as objective_title', 'territory.code as territory_code'])
			.orderBy('fiche.ref')
			.execute(),
		db.selectFrom('fiche_flagship_year').select(['fiche_id', 'year']).orderBy('year').execute()
	]);
	return rows.map((row) => ({
		ref: row.ref,
		title: row.title,
		component: row.component_code,
		axis: row.axis_code,
		objective: row.objective_title,
		number: row.number,
		status: isFicheStatus(row.status) ? row.status : null,
		flagshipYears: years.filter((y) => y.fiche_id === row.id).map((y) => y.year),
		territory: row.territory_code,
		direction: row.direction,
		budget: row.budget,
		keyFigures: fromDbJson<string[]>(row.key_figures, []),
		updatedAt: fromDbDate(row.updated_at).toISOString()
	}));
}

export const CSV_COLUMNS: (keyof OpenDataFiche)[] = [
	'ref',
	'title',
	'component',
	'axis',
	'objective',
	'number',
	'status',
	'flagshipYears',
	'territory',
	'direction',
	'budget',
	'keyFigures',
	'updatedAt'
];

export function toCsv(fiches: OpenDataFiche[]): string {
	return writeCsvRecords(
		fiches.map((f) => ({
			...f,
			flagshipYears: f.flagshipYears.join(';'),
			keyFigures: f.keyFigures.join(' ; ')
		})),
		CSV_COLUMNS,
		{ delimiter: ',' }
	);
}
