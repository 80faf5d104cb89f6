// One failing request never stops the server: a static file that disappears
// while the server runs (ENOENT in the middle of serving it) used to kill it.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from './support/fixtures';

const PORT = 4188;
const origin = `http://127.0.0.1:${PORT}`;

async function waitUntilUp(): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const up = await fetch(`${origin}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('Le serveur n’a pas démarré.');
}

test('un fichier statique qui disparaît n’arrête pas le serveur', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'concerto-resilience-'));
	cpSync('build', join(dir, 'build'), { recursive: true });
	copyFileSync('package.json', join(dir, 'package.json'));
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
	const server = spawn(process.execPath, [join(dir, 'build', 'index.js')], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: join(dir, 'concerto.sqlite')
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	server.stdout.on('data', (d) => (log += d));
	server.stderr.on('data', (d) => (log += d));
	try {
		await waitUntilUp();
		expect((await fetch(`${origin}/robots.txt`)).status).toBe(200);
		for (const suffix of ['', '.gz', '.br'])
			unlinkSync(join(dir, 'build', 'client', `robots.txt${suffix}`));
		await fetch(`${origin}/robots.txt`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
		const after = await fetch(`${origin}/`);
		expect(after.status, log).toBe(200);
		expect(server.exitCode, log).toBeNull();
		expect(log).toMatch(/Erreur [0-9a-f]{8} .*le serveur continue/);
	} finally {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});
