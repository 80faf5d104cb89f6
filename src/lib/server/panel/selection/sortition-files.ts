import { parse } from 'csv-parse/sync';
import { householdKey } from '../household';
import { SelectionError, type Category, type Volunteer } from './problem';

/**
 * Reads the files of the Sortition Foundation's tools (stratification-app,
 * sortition-algorithms): quotas as `feature,value,min,max` (optionally
 * `min_flex,max_flex`), also spelled `category,name,min,max` or
 * `category,feature,min,max`; respondents as one row per person with an id
 * column (or the row number) and one column per feature.
 */

export type CsvTable = { columns: string[]; rows: string[][] };

export function readCsvTable(text: string): CsvTable {
	let records: string[][];
	try {
		records = parse(text, {
			bom: true,
			delimiter: [',', ';', '\t'],
			skip_empty_lines: true,
			trim: true,
			relax_column_count: true
		});
	} catch (error) {
		throw new SelectionError(`Fichier CSV illisible : ${(error as Error).message}`);
	}
	if (records.length === 0) throw new SelectionError('Fichier CSV vide.');
	const [columns, ...rows] = records;
	return { columns, rows: rows.map((row) => columns.map((_, i) => row[i] ?? '')) };
}

const lower = (text: string) => text.trim().toLowerCase();

function findColumn(columns: string[], names: string[]): number {
	return columns.findIndex((column) => names.includes(lower(column)));
}

function integer(text: string, what: string, line: number): number {
	const value = Number(text);
	if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
		throw new SelectionError(
			`Ligne ${line} des quotas : « ${text} » n’est pas un entier (${what}).`
		);
	}
	return value;
}

export function readCategories(text: string): Category[] {
	const { columns, rows } = readCsvTable(text);
	const categoryColumn = findColumn(columns, [
		'feature',
		'category',
		'categorie',
		'catégorie',
		'critere',
		'critère'
	]);
	const valueColumn = columns.findIndex(
		(column, i) =>
			i !== categoryColumn && ['value', 'name', 'feature', 'valeur'].includes(lower(column))
	);
	const minColumn = findColumn(columns, ['min', 'minimum']);
	const maxColumn = findColumn(columns, ['max', 'maximum']);
	const minFlexColumn = findColumn(columns, ['min_flex']);
	const maxFlexColumn = findColumn(columns, ['max_flex']);
	if ([categoryColumn, valueColumn, minColumn, maxColumn].includes(-1)) {
		throw new SelectionError(
			'Le fichier des quotas doit avoir les colonnes feature,value,min,max (ou category,name,min,max).'
		);
	}
	const categories = new Map<string, Category>();
	rows.forEach((row, i) => {
		const line = i + 2;
		const name = row[categoryColumn];
		const value = row[valueColumn];
		if (!name || !value)
			throw new SelectionError(`Ligne ${line} des quotas : critère ou valeur manquant.`);
		const category = categories.get(name) ?? { name, values: [] };
		categories.set(name, category);
		if (category.values.some((quota) => quota.value === value)) {
			throw new SelectionError(
				`Ligne ${line} des quotas : « ${name} = ${value} » apparaît deux fois.`
			);
		}
		category.values.push({
			value,
			min: integer(row[minColumn], 'min', line),
			max: integer(row[maxColumn], 'max', line),
			...(minFlexColumn >= 0 && row[minFlexColumn]
				? { minFlex: integer(row[minFlexColumn], 'min_flex', line) }
				: {}),
			...(maxFlexColumn >= 0 && row[maxFlexColumn]
				? { maxFlex: integer(row[maxFlexColumn], 'max_flex', line) }
				: {})
		});
	});
	return [...categories.values()];
}

export type Respondents = { table: CsvTable; volunteers: Volunteer[] };

export function readRespondents(
	text: string,
	categories: Category[],
	options: { idColumn?: string; addressColumns?: string[] } = {}
): Respondents {
	const table = readCsvTable(text);
	const { columns, rows } = table;
	const columnOf = (name: string) => columns.findIndex((column) => lower(column) === lower(name));
	let idColumn = -1;
	if (options.idColumn) {
		idColumn = columnOf(options.idColumn);
		if (idColumn < 0)
			throw new SelectionError(
				`Colonne d’identifiant « ${options.idColumn} » absente des volontaires.`
			);
	} else {
		idColumn = findColumn(columns, ['id', 'identifiant']);
	}
	const featureColumns = categories.map((category) => {
		const index = columnOf(category.name);
		if (index < 0)
			throw new SelectionError(`Colonne « ${category.name} » absente du fichier des volontaires.`);
		return index;
	});
	const addressColumns = (options.addressColumns ?? []).map((name) => {
		const index = columnOf(name);
		if (index < 0)
			throw new SelectionError(`Colonne d’adresse « ${name} » absente du fichier des volontaires.`);
		return index;
	});
	const seen = new Set<string>();
	const volunteers = rows.map((row, i) => {
		const id = idColumn >= 0 ? row[idColumn] : String(i + 1);
		if (!id) throw new SelectionError(`Ligne ${i + 2} des volontaires : identifiant vide.`);
		if (seen.has(id))
			throw new SelectionError(`Identifiant « ${id} » en double dans les volontaires.`);
		seen.add(id);
		const features: Record<string, string> = {};
		categories.forEach((category, c) => {
			const raw = row[featureColumns[c]];
			const match = category.values.find((quota) => lower(quota.value) === lower(raw));
			features[category.name] = match ? match.value : raw;
		});
		return {
			id,
			features,
			household: addressColumns.length
				? householdKey(addressColumns.map((index) => row[index]))
				: null
		};
	});
	return { table, volunteers };
}
