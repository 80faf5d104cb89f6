// The server as operators run it: one failing request never stops it, it
// says whether it is alive and ready, logs JSON lines when asked, and stops
// on SIGTERM only after the requests in flight are answered.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from './support/fixtures';

interface BuiltServer {
	origin: string;
	dir: string;
	child: ChildProcess;
	log: () => string;
	stop: () => void;
}

/** The built app in a folder of its own, on its own SQLite file. */
async function startBuiltServer(
	port: number,
	env: Record<string, string> = {}
): Promise<BuiltServer> {
	const origin = `http://127.0.0.1:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'concerto-server-'));
	cpSync('build', join(dir, 'build'), { recursive: true });
	copyFileSync('package.json', join(dir, 'package.json'));
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
	const child = spawn(process.execPath, [join(dir, 'build', 'index.js')], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: join(dir, 'concerto.sqlite'),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	for (let i = 0; i < 150; i++) {
		const up = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (up)
			return {
				origin,
				dir,
				child,
				log: () => log,
				stop: () => {
					child.kill('SIGKILL');
					rmSync(dir, { recursive: true, force: true });
				}
			};
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGKILL');
	throw new Error(`Le serveur n’a pas démarré.\n${log}`);
}

test('un fichier statique qui disparaît n’arrête pas le serveur', async () => {
	test.setTimeout(60_000);
	const server = await startBuiltServer(4188);
	const { origin, dir } = server;
	try {
		expect((await fetch(`${origin}/robots.txt`)).status).toBe(200);
		for (const suffix of ['', '.gz', '.br'])
			unlinkSync(join(dir, 'build', 'client', `robots.txt${suffix}`));
		await fetch(`${origin}/robots.txt`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
		const after = await fetch(`${origin}/`);
		expect(after.status, server.log()).toBe(200);
		expect(server.child.exitCode, server.log()).toBeNull();
		expect(server.log()).toMatch(/Erreur [0-9a-f]{8} .*le serveur continue/);
	} finally {
		server.stop();
	}
});

test('répond à /healthz et /readyz, écrit des lignes JSON et s’arrête proprement sur SIGTERM', async () => {
	test.setTimeout(60_000);
	const server = await startBuiltServer(4189, { LOG_FORMAT: 'json' });
	const { origin, child } = server;
	try {
		const health = await fetch(`${origin}/healthz`);
		expect(health.headers.get('cache-control')).toBe('no-store');
		expect(await health.json()).toEqual({ status: 'ok' });
		const ready = await fetch(`${origin}/readyz`);
		expect(ready.status).toBe(200);
		expect(await ready.json()).toEqual({
			status: 'ok',
			database: 'ok',
			migrations: 'ok',
			arret: false
		});

		// A form sent slowly: half its body before SIGTERM, the rest after.
		const body = 'email=personne%40exemple.fr&password=pas-le-bon-mot-de-passe';
		const inFlight = new Promise<number>((done, fail) => {
			const req = request(
				`${origin}/connexion`,
				{
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body),
						origin,
						accept: 'text/html'
					}
				},
				(res) => {
					res.resume();
					res.on('end', () => done(res.statusCode ?? 0));
				}
			);
			req.on('error', fail);
			req.write(body.slice(0, 10));
			setTimeout(() => {
				child.kill('SIGTERM');
				setTimeout(() => req.end(body.slice(10)), 500);
			}, 200);
		});
		const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
		const status = await inFlight;
		// Answered (wrong password: the form again, with its message), not cut off.
		expect(status, server.log()).toBe(400);
		// No new connection is taken once it is stopping.
		await expect(
			fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) })
		).rejects.toThrow();
		expect(await exited, server.log()).toBe(0);

		const lines = server
			.log()
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line));
		const events = lines.map((line) => line.event).filter(Boolean);
		expect(events).toEqual(['start', 'stop', 'stopped']);
		for (const line of lines)
			expect(line).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
	} finally {
		server.stop();
	}
});
