// Nothing lost when the server is killed: residents answer without pause
// while the built server is killed with SIGKILL and started again (a bounded
// run of what `npm run bench` measures longer, src/lib/server/cli/crash-load.ts).
// On PostgreSQL too in `npm run test:e2e:postgres`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect } from './support/fixtures';
import { onPostgres } from './support/worker-server';

test('tuer le serveur pendant les envois ne perd aucune réponse dont le code a été montré', async () => {
	test.setTimeout(120_000);
	const args = [
		'scripts/cli.js',
		'crash-load',
		'--kills',
		'2',
		'--seconds',
		'2',
		'--residents',
		'4',
		'--json'
	];
	if (onPostgres) args.push('--postgres', process.env.TEST_DATABASE_URL!);
	const { stdout } = await promisify(execFile)(process.execPath, args, { timeout: 110_000 });
	const report = JSON.parse(stdout.trim().split('\n').pop()!);
	expect(report.engine).toBe(onPostgres ? 'postgres' : 'sqlite');
	expect(report.kills).toBe(2);
	// Residents did get codes between the kills, and the kills did cut requests.
	expect(report.receipts).toBeGreaterThan(10);
	expect(report.cut).toBeGreaterThan(0);
	expect(report.lost).toEqual([]);
	expect(report.halfWritten).toBe(0);
	expect(report.miscounted).toBe(0);
	expect(report.stored).toBeGreaterThanOrEqual(report.receipts);
});
