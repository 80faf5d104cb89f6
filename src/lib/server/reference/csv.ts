import { parse } from 'csv-parse/sync';

/** Parses RFC 4180 CSV with a header row into one record per line. */
export function parseCsv(text: string): Record<string, string>[] {
	return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}
