// `npm run demo`: starts the built app on a demonstration database, created
// and filled on first start (delete the file, or pass --fresh, to start over).
import { existsSync, rmSync } from 'node:fs';

const env = process.env;
env.PORT ||= '3000';
env.HOST ||= '127.0.0.1';
env.DATABASE_PATH ||= 'data/demo.sqlite';
env.CONCERTO_DEMO = '1';
// Imports post files of up to 2 MB (adapter-node accepts 512 kB by default).
env.BODY_SIZE_LIMIT ||= '8M';
const shownHost = ['0.0.0.0', '::'].includes(env.HOST) ? 'localhost' : env.HOST;
env.ORIGIN ||= `http://${shownHost}:${env.PORT}`;

if (process.argv.includes('--fresh')) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(env.DATABASE_PATH + suffix, { force: true });
}
if (!existsSync('build/index.js')) {
	console.error('Construisez d’abord l’application : npm run build');
	process.exit(1);
}
await import('../build/index.js');
