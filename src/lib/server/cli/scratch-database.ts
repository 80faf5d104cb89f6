// A database for one measuring run, removed after: a SQLite file in a
// temporary folder, or a PostgreSQL database created on the server given.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrlOn, onPostgresServer } from '../db/postgres';
import type { ConsultationCommand } from '../consultations/schemas';

export interface ScratchDatabase {
	engine: 'sqlite' | 'postgres';
	/** What DATABASE_PATH or DATABASE_URL is set to. */
	location: string;
	drop(): Promise<void>;
}

export async function scratchDatabase(
	purpose: string,
	postgresServer: string | null
): Promise<ScratchDatabase> {
	if (!postgresServer) {
		const dir = mkdtempSync(join(tmpdir(), `concerto-${purpose}-`));
		return {
			engine: 'sqlite',
			location: join(dir, `${purpose}.sqlite`),
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
	const name = `concerto_${purpose}_${process.pid}`;
	const drop = async () => {
		await onPostgresServer(postgresServer, (client) =>
			client.query(`drop database if exists ${name} with (force)`)
		);
	};
	await drop();
	await onPostgresServer(postgresServer, (client) => client.query(`create database ${name}`));
	return { engine: 'postgres', location: databaseUrlOn(postgresServer, name), drop };
}

/** The environment that points the built server at `location`. */
export function databaseEnv(location: string): Record<string, string> {
	return location.startsWith('postgres')
		? { DATABASE_URL: location }
		: { DATABASE_PATH: location, DATABASE_URL: '' };
}

/** An open public consultation for a measuring run, to which the run adds its questions. */
export function scratchConsultation(title: string, slug: string): ConsultationCommand {
	const day = 24 * 3600 * 1000;
	return {
		title,
		slug,
		presentation: 'Générée pour une mesure (`npm run bench`).',
		falcSummary: '',
		audiences: ['habitants'],
		access: 'public',
		identity: 'anonyme',
		opensAt: new Date(Date.now() - day),
		closesAt: new Date(Date.now() + 30 * day),
		axes: [],
		ficheRefs: []
	};
}
