import { Migrator, NO_MIGRATIONS, type Migration, type MigrationResultSet } from 'kysely/migration';
import { engineOf, type Db } from './database';
import { preparePostgres } from './postgres';

// Migrations live in the top-level migrations/ folder and are bundled by Vite,
// so the built server, the tests and the command line all run the same files.
const modules = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });

export const migrations: Record<string, Migration> = Object.fromEntries(
	Object.entries(modules).map(([path, module]) => [
		path.replace(/^.*\//, '').replace(/\.ts$/, ''),
		module
	])
);

function migratorFor(db: Db): Migrator {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(resultSet: MigrationResultSet): string[] {
	if (resultSet.error) {
		const failed = resultSet.results?.find((result) => result.status === 'Error');
		const where = failed ? ` (migration ${failed.migrationName})` : '';
		throw new Error(`Échec de la migration${where} : ${String(resultSet.error)}`, {
			cause: resultSet.error
		});
	}
	return (resultSet.results ?? []).map((result) => result.migrationName);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
	if (engineOf(db) === 'postgres') await preparePostgres(db);
	return unwrap(await migratorFor(db).migrateToLatest());
}

export async function migrateDownAll(db: Db): Promise<string[]> {
	return unwrap(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}

/** Migrations this code knows that the database has not run yet. */
export async function pendingMigrations(db: Db): Promise<string[]> {
	const known = await migratorFor(db).getMigrations();
	return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
