// Runs a command of src/lib/server/cli through Vite, so that it loads the
// same modules, aliases and bundled files as the server and the tests.
import { createServer } from 'vite';

const [command, ...args] = process.argv.slice(2);
const vite = await createServer({
	appType: 'custom',
	logLevel: 'error',
	server: { middlewareMode: true, hmr: false, ws: false },
	optimizeDeps: { noDiscovery: true, include: [] }
});
try {
	const cli = await vite.ssrLoadModule('/src/lib/server/cli/index.ts');
	process.exitCode = await cli.run(command, args);
} finally {
	await vite.close();
}
