import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuntime } from '../runtime';
import { migrateToLatest } from '../db/migrations';
import { hasReferenceData, loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked, type SchemaSources } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { DomainError } from '../errors';

const FILES: Record<keyof SchemaSources, string> = {
	sectoral: 'fiches-actions-sectorielles-2025.csv',
	departmental: 'fiches-actions-departementales-2025.csv',
	flagships2025: 'actions-phares-2025.csv',
	flagships2026: 'actions-phares-2026.csv',
	totals2025: 'bilan-2025-totaux.csv',
	keywords: 'fiches-mots-cles.csv'
};

function readFolder(folder: string): SchemaSources {
	const read = (key: keyof SchemaSources) => {
		const path = join(folder, FILES[key]);
		return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
	};
	const sectoral = read('sectoral');
	const departmental = read('departmental');
	if (!sectoral || !departmental) {
		throw new DomainError(
			400,
			`Le dossier ${folder} doit contenir ${FILES.sectoral} et ${FILES.departmental}.`
		);
	}
	return {
		sectoral,
		departmental,
		flagships2025: read('flagships2025'),
		flagships2026: read('flagships2026'),
		totals2025: read('totals2025'),
		keywords: read('keywords')
	};
}

/** `npm run fiches:import [folder]`: the bundled Loir-et-Cher files by default. */
export async function importFichesFromFolder(folder?: string): Promise<number> {
	const { db } = getRuntime();
	await migrateToLatest(db);
	if (!(await hasReferenceData(db))) await loadReferenceData(db);
	const sources = folder ? readFolder(folder) : BUNDLED_SCHEMA;
	const report = await importSchemaUnchecked(db, null, sources);
	console.log(
		`Fiches créées : ${report.created}, mises à jour : ${report.updated}, changements de statut : ${report.statusChanges}, actions phares : ${report.flagshipActions}.`
	);
	for (const { perimeter, matches, official: o, computed: c } of report.check) {
		console.log(
			`${matches ? 'conforme   ' : 'à compléter'}  ${perimeter.padEnd(26)} bilan ${o.realisee}/${o.en_cours}/${o.reportee}/${o.supprimee} sur ${o.total}` +
				` — fiches ${c.realisee}/${c.en_cours}/${c.reportee}/${c.supprimee} sur ${c.total} (${c.unstated} sans statut)`
		);
	}
	return 0;
}
