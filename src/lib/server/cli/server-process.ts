// The built server (or the bench's yardstick) started as a child process on
// a scratch database, for the bench and the crash load.
import { spawn, type ChildProcess } from 'node:child_process';
import { databaseEnv } from './scratch-database';

export interface ServerProcessOptions {
	/** The script to run: the built app by default. */
	script?: string;
	args?: string[];
	/** Options for Node itself (a CPU profile). */
	nodeArgs?: string[];
	env?: Record<string, string>;
}

/** Resolves once the server says it listens; rejects if it stops first. */
export function startServer(
	location: string,
	port: number,
	{ script = 'build/index.js', args = [], nodeArgs = [], env = {} }: ServerProcessOptions = {}
): Promise<ChildProcess> {
	const server = spawn(process.execPath, [...nodeArgs, script, ...args], {
		env: {
			...process.env,
			...databaseEnv(location),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			CONCERTO_DEMO: '',
			SUBMISSIONS_PER_HOUR: '1000000',
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		// Read to the end, so that a server logging to stdout never blocks on a full pipe.
		server.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Listening')) resolve(server);
		});
		server.once('exit', (code) => reject(new Error(`Le serveur s’est arrêté (code ${code}).`)));
	});
}
