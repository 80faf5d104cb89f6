// One failing request must never stop the server. SvelteKit turns errors in
// our code into error pages (handleError); this catches the rest, such as a
// static file that disappeared while being served (a stream's ENOENT), logs
// it with a reference, and goes on serving.
let installed = false;

export function errorReference(): string {
	return crypto.randomUUID().slice(0, 8);
}

export function keepServingOnErrors(
	log: (message: string, error: unknown) => void = console.error
): void {
	if (installed) return;
	installed = true;
	process.on('uncaughtException', (error) => {
		log(`Erreur ${errorReference()} hors d’une requête (le serveur continue)`, error);
	});
	process.on('unhandledRejection', (reason) => {
		log(`Erreur ${errorReference()} non traitée (le serveur continue)`, reason);
	});
}
