// A copy of the SQLite database taken while the app runs, with SQLite's
// online backup API: it copies page by page and starts again over pages
// written meanwhile, so the copy is consistent without stopping anyone.
// (PostgreSQL has pg_dump, see the README.)
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { engineFor } from './database';
import { InvalidInputError } from '../errors';

export interface BackupReport {
	target: string;
	pages: number;
	tables: number;
	migrations: number;
}

export async function backupSqlite(location: string, target: string): Promise<BackupReport> {
	if (engineFor(location) === 'postgres')
		throw new InvalidInputError(
			'La base est sur PostgreSQL : sauvegardez-la avec pg_dump (voir le README, « Sauvegardes »).'
		);
	if (!target)
		throw new InvalidInputError(
			'Donnez le fichier de la sauvegarde : npm run db:backup -- FICHIER'
		);
	if (existsSync(target))
		throw new InvalidInputError(
			`${target} existe déjà : choisissez un autre nom, rien n’est écrasé.`
		);
	if (!existsSync(location)) throw new InvalidInputError(`Pas de base SQLite à ${location}.`);
	const source = new Database(location, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		const { totalPages } = await source.backup(target);
		return { target, pages: totalPages, ...checkBackup(target) };
	} finally {
		source.close();
	}
}

/** Opens a backup as a restore would, checks it page by page and counts what it holds. */
export function checkBackup(path: string): { tables: number; migrations: number } {
	const copy = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = copy.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new Error(`Sauvegarde abîmée : ${String(integrity)}`);
		const count = (query: string) => (copy.prepare(query).get() as { n: number }).n;
		return {
			tables: count(`select count(*) as n from sqlite_master where type = 'table'`),
			migrations: count('select count(*) as n from kysely_migration')
		};
	} finally {
		copy.close();
	}
}
