import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelSelect } from './panel-select';

async function files(categories: string, respondents: string) {
	const dir = await mkdtemp(join(tmpdir(), 'panel-select-'));
	await writeFile(join(dir, 'categories.csv'), categories);
	await writeFile(join(dir, 'respondents.csv'), respondents);
	return dir;
}

function respondents(count: number, household = (i: number) => `${i} rue Haute`): string {
	const lines = ['id,gender,age,address'];
	for (let i = 1; i <= count; i++)
		lines.push(
			`${i},${i % 2 ? 'female' : 'male'},${['young', 'old'][i % 4 < 2 ? 0 : 1]},${household(i)}`
		);
	return lines.join('\n');
}

describe('npm run panel:select', () => {
	const log = vi.spyOn(console, 'log').mockImplementation(() => {});
	const error = vi.spyOn(console, 'error').mockImplementation(() => {});
	afterEach(() => {
		log.mockClear();
		error.mockClear();
	});

	it('reads the Sortition Foundation formats and writes the three files', async () => {
		const dir = await files(
			'feature,value,min,max,min_flex,max_flex\ngender,female,2,2,0,4\ngender,male,2,2,0,4\nage,young,2,2,0,4\nage,old,2,2,0,4\n',
			respondents(20)
		);
		const out = join(dir, 'out');
		const args = [
			'--categories',
			join(dir, 'categories.csv'),
			'--respondents',
			join(dir, 'respondents.csv')
		];
		expect(await panelSelect([...args, '--size', '4', '--seed', '9', '--out', out, '--json'])).toBe(
			0
		);
		const summary = JSON.parse(log.mock.calls.at(-1)![0]);
		expect(summary.minProbability).toBeCloseTo(0.2, 6);
		expect(summary.panels).toBe(1000);
		expect(summary.selected).toHaveLength(4);
		expect(typeof summary.seconds).toBe('number');

		const selected: Record<string, string>[] = parse(await readFile(join(out, 'selected.csv')), {
			columns: true
		});
		const remaining = parse(await readFile(join(out, 'remaining.csv')), { columns: true });
		const probabilities = parse(await readFile(join(out, 'probabilities.csv')), { columns: true });
		expect(selected.map((row) => row.id)).toEqual(summary.selected);
		expect(selected).toHaveLength(4);
		expect(remaining).toHaveLength(16);
		expect(probabilities).toHaveLength(20);
		expect(selected.filter((row) => row.gender === 'female')).toHaveLength(2);

		// Same seed, same draw; another spelling of the quota file is read the same way.
		const again = await files(
			'category,name,min,max\ngender,female,2,2\ngender,male,2,2\nage,young,2,2\nage,old,2,2\n',
			respondents(20)
		);
		await panelSelect([
			'--categories',
			join(again, 'categories.csv'),
			'--respondents',
			join(again, 'respondents.csv'),
			'--size',
			'4',
			'--seed',
			'9',
			'--out',
			join(again, 'out'),
			'--json'
		]);
		expect(JSON.parse(log.mock.calls.at(-1)![0]).selected).toEqual(summary.selected);
	});

	it('draws with another objective and writes ranked alternates of the panel’s profiles', async () => {
		const dir = await files(
			'feature,value,min,max\ngender,female,2,2\ngender,male,2,2\nage,young,2,2\nage,old,2,2\n',
			respondents(20)
		);
		const out = join(dir, 'out');
		const args = [
			'--categories',
			join(dir, 'categories.csv'),
			'--respondents',
			join(dir, 'respondents.csv'),
			'--size',
			'4',
			'--seed',
			'9',
			'--out',
			out,
			'--json'
		];
		expect(await panelSelect([...args, '--objective', 'nash', '--alternates', '4'])).toBe(0);
		const summary = JSON.parse(log.mock.calls.at(-1)![0]);
		expect(summary.objective).toBe('nash');
		expect(summary.alternates).toHaveLength(4);
		// Four profiles of five volunteers each: one alternate per profile of the panel.
		expect(summary.guaranteedDeclines).toBeGreaterThanOrEqual(1);
		const alternates: Record<string, string>[] = parse(
			await readFile(join(out, 'alternates.csv')),
			{ columns: true }
		);
		expect(alternates.map((row) => row.rank)).toEqual(['1', '2', '3', '4']);
		expect(alternates.map((row) => row.id)).toEqual(summary.alternates);
		expect(alternates.every((row) => !summary.selected.includes(row.id))).toBe(true);
		expect(await panelSelect([...args, '--objective', 'egalite'])).toBe(2);
	});

	it('keeps households apart with --address-columns', async () => {
		const dir = await files(
			'feature,value,min,max\ngender,female,0,4\ngender,male,0,4\nage,young,0,4\nage,old,0,4\n',
			respondents(8, (i) => `${Math.ceil(i / 2)} Rue de l'Église`)
		);
		const base = [
			'--categories',
			join(dir, 'categories.csv'),
			'--respondents',
			join(dir, 'respondents.csv')
		];
		expect(
			await panelSelect([
				...base,
				'--size',
				'4',
				'--address-columns',
				'address',
				'--out',
				join(dir, 'o'),
				'--json'
			])
		).toBe(0);
		const selected: string[] = JSON.parse(log.mock.calls.at(-1)![0]).selected;
		expect(new Set(selected.map((id) => Math.ceil(Number(id) / 2))).size).toBe(4);
	});

	it('explains infeasible quotas and bad arguments without a stack trace', async () => {
		const dir = await files(
			'feature,value,min,max\ngender,female,5,5\ngender,male,0,5\nage,young,0,5\nage,old,0,5\n',
			respondents(6)
		);
		const base = [
			'--categories',
			join(dir, 'categories.csv'),
			'--respondents',
			join(dir, 'respondents.csv')
		];
		expect(await panelSelect([...base, '--size', '5', '--out', join(dir, 'o')])).toBe(1);
		expect(error.mock.calls.at(-1)![0]).toContain(
			'« gender = female » : au moins 5 demandés, mais 3 volontaires seulement.'
		);
		expect(await panelSelect([...base])).toBe(2);
		expect(await panelSelect([...base, '--size', 'dix'])).toBe(1);
		expect(
			await panelSelect(['--categories', '/nonexistent.csv', '--respondents', 'x', '--size', '2'])
		).toBe(1);
	});
});
