// The one CSV writer of the application. Every file it writes opens in a
// spreadsheet without running anything: a text cell that starts with = + - @,
// a tab or a carriage return would be read as a formula (CSV injection), so it
// is prefixed with an apostrophe, which spreadsheets show as plain text
// (OWASP's rule). Numbers stay numbers, with a decimal comma in the `;` files
// French spreadsheets open (« 12,5 »; « 12.5 » would be read as a date or
// text), and date-times are written in Paris time, which headers say.
import { stringify } from 'csv-stringify/sync';
import { toParisLocalInput } from '$lib/paris-time';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
	/** `;` by default: what French spreadsheet software opens right away. */
	delimiter?: ';' | ',' | '\t';
	/** A byte order mark so that Excel reads UTF-8 (on by default). */
	bom?: boolean;
}

export function writeCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
	const { delimiter = ';', bom = true } = options;
	const body = stringify(rows, {
		delimiter,
		cast: {
			string: neutraliseCell,
			boolean: (value) => (value ? '1' : '0'),
			number: (value) => (delimiter === ';' ? String(value).replace('.', ',') : String(value))
		}
	});
	return (bom ? '\uFEFF' : '') + body;
}

/** Records in a fixed column order, the header row first. */
export function writeCsvRecords<T extends Record<string, CsvCell>>(
	records: T[],
	columns: readonly (keyof T & string)[],
	options: CsvOptions = {}
): string {
	return writeCsv([[...columns], ...records.map((r) => columns.map((c) => r[c]))], options);
}

/** « 2026-12-02 14:30 », Paris time: what every CSV of the application writes for an instant. */
export function csvDateTime(instant: Date | null): string {
	return instant ? toParisLocalInput(instant).replace('T', ' ') : '';
}
