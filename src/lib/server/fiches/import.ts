// Imports the schéma from CSV files in the format of the shared reference
// data. Repeatable: fiches are matched by ref, lists by year and rank, and a
// status is recorded only when it differs from the current one.
import type { Db, Executor } from '../db/database';
import { nowForDb, toDbJson } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError } from '../errors';
import { parseCsv } from '../reference/csv';
import { isFicheStatus, type FicheStatus } from './status';
import { recordStatusChange } from './status-history';
import { refreshSearchText } from './search-text';
import { computeTotalsCheck, type TotalsCheck } from './totals-check';
import { ensurePublishedCampaign } from './reviews';

export interface SchemaSources {
	sectoral: string;
	departmental: string;
	flagships2025?: string;
	flagships2026?: string;
	totals2025?: string;
	/** `ref,mots_cles`: residents' words for each fiche, kept where officers wrote their own. */
	keywords?: string;
}

export interface ImportReport {
	created: number;
	updated: number;
	statusChanges: number;
	flagshipActions: number;
	check: TotalsCheck[];
}

const REVIEW_YEAR = 2025;
const REF_PATTERN = /^[A-Z]{3}-\d{2,3}$/;

function rowsOf(text: string, file: string, required: string[]): Record<string, string>[] {
	let rows: Record<string, string>[];
	try {
		rows = parseCsv(text);
	} catch (error) {
		throw new InvalidInputError(
			`Le fichier « ${file} » n’est pas un CSV lisible : ${String(error)}`
		);
	}
	const missing = required.filter((column) => rows.length > 0 && !(column in rows[0]));
	if (rows.length === 0 || missing.length) {
		throw new InvalidInputError(
			`Le fichier « ${file} » doit avoir les colonnes : ${required.join(', ')}` +
				(missing.length ? ` (il manque : ${missing.join(', ')})` : ' et au moins une ligne.')
		);
	}
	return rows;
}

function statusOf(value: string, file: string, line: number): FicheStatus | null {
	if (!value) return null;
	if (!isFicheStatus(value)) {
		throw new InvalidInputError(
			`Ligne ${line} de « ${file} » : statut « ${value} » inconnu (attendu : realisee, en_cours, reportee, supprimee ou vide).`
		);
	}
	return value;
}

function yearsOf(value: string): number[] {
	return value
		.split(';')
		.map((part) => Number.parseInt(part.trim(), 10))
		.filter((year) => Number.isInteger(year) && year > 2000 && year < 2100);
}

interface FicheRow {
	ref: string;
	component: string;
	axis: string | null;
	objective: string | null;
	number: number | null;
	title: string;
	status: FicheStatus | null;
	flagshipYears: number[];
	note: string | null;
	keyFigures: string[];
}

function sectoralRows(text: string): FicheRow[] {
	const file = 'fiches-actions-sectorielles';
	return rowsOf(text, file, ['ref', 'volet', 'axe', 'numero', 'titre', 'statut_bilan_2025']).map(
		(row, index) => ({
			ref: row.ref,
			component: row.volet || 'sectoriel',
			axis: row.axe || null,
			objective: null,
			number: Number.parseInt(row.numero, 10) || null,
			title: row.titre,
			status: statusOf(row.statut_bilan_2025, file, index + 2),
			flagshipYears: yearsOf(row.phare ?? ''),
			note: row.remarque || null,
			keyFigures: []
		})
	);
}

function departmentalRows(text: string): FicheRow[] {
	const file = 'fiches-actions-departementales';
	return rowsOf(text, file, [
		'ref',
		'volet',
		'axe_strategique',
		'objectif',
		'titre',
		'statut_bilan_2025'
	]).map((row, index) => ({
		ref: row.ref,
		component: row.volet || 'departemental',
		axis: row.axe_strategique || null,
		objective: row.objectif || null,
		number: Number.parseInt(row.ref.split('-')[1], 10) || null,
		title: row.titre,
		status: statusOf(row.statut_bilan_2025, file, index + 2),
		flagshipYears: [],
		note: null,
		keyFigures: (row.remarque ?? '')
			.split(/\s*;\s*/)
			.map((figure) => figure.trim())
			.filter(Boolean)
	}));
}

/** True when this review's status was imported before (later edits then prevail). */
async function alreadyImported(
	db: Executor,
	ficheId: number,
	status: FicheStatus
): Promise<boolean> {
	const last = await db
		.selectFrom('fiche_status_change')
		.select('status')
		.where('fiche_id', '=', ficheId)
		.where('source', '=', 'import')
		.where('review_year', '=', REVIEW_YEAR)
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return last?.status === status;
}

async function knownCodes(db: Executor, table: 'axis' | 'component'): Promise<Set<string>> {
	return new Set((await db.selectFrom(table).select('code').execute()).map((row) => row.code));
}

async function upsertObjective(
	db: Executor,
	row: FicheRow,
	position: number
): Promise<number | null> {
	if (!row.objective) return null;
	const existing = await db
		.selectFrom('objective')
		.select('id')
		.where('component_code', '=', row.component)
		.where('title', '=', row.objective)
		.executeTakeFirst();
	if (existing) return existing.id;
	const { id } = await db
		.insertInto('objective')
		.values({ component_code: row.component, axis_code: row.axis, title: row.objective, position })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

async function importFlagshipList(
	db: Executor,
	year: number,
	text: string,
	ficheIds: Map<string, number>
): Promise<number> {
	const file = `actions-phares-${year}`;
	const rows = rowsOf(text, file, ['rang', 'titre', 'fiche_liee']);
	for (const [index, row] of rows.entries()) {
		const rank = Number.parseInt(row.rang, 10);
		if (!Number.isInteger(rank))
			throw new InvalidInputError(`Ligne ${index + 2} de « ${file} » : rang manquant.`);
		const listStatus = statusOf(row[`statut_liste_bilan_${year}`] ?? '', file, index + 2);
		const values = {
			title: row.titre,
			scope: row.volet || 'departemental',
			list_status: listStatus
		};
		const existing = await db
			.selectFrom('flagship_action')
			.select('id')
			.where('year', '=', year)
			.where('rank', '=', rank)
			.executeTakeFirst();
		const id = existing
			? (await db
					.updateTable('flagship_action')
					.set(values)
					.where('id', '=', existing.id)
					.execute(),
				existing.id)
			: (
					await db
						.insertInto('flagship_action')
						.values({ year, rank, ...values })
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
		await db.deleteFrom('flagship_action_fiche').where('flagship_action_id', '=', id).execute();
		for (const ref of (row.fiche_liee ?? '')
			.split(';')
			.map((r) => r.trim())
			.filter(Boolean)) {
			const ficheId = ficheIds.get(ref);
			if (!ficheId) {
				throw new InvalidInputError(
					`Ligne ${index + 2} de « ${file} » : la fiche ${ref} n’existe pas.`
				);
			}
			await db
				.insertInto('flagship_action_fiche')
				.values({ flagship_action_id: id, fiche_id: ficheId })
				.execute();
			await db
				.insertInto('fiche_flagship_year')
				.values({ fiche_id: ficheId, year })
				.onConflict((oc) => oc.doNothing())
				.execute();
		}
	}
	return rows.length;
}

async function importKeywords(
	db: Executor,
	text: string,
	ficheIds: Map<string, number>
): Promise<void> {
	const file = 'fiches-mots-cles';
	for (const [index, row] of rowsOf(text, file, ['ref', 'mots_cles']).entries()) {
		const id = ficheIds.get(row.ref);
		if (!id)
			throw new InvalidInputError(
				`Ligne ${index + 2} de « ${file} » : la fiche ${row.ref} n’existe pas.`
			);
		await db
			.updateTable('fiche')
			.set({ keywords: row.mots_cles.trim() })
			.where('id', '=', id)
			.where('keywords', '=', '')
			.execute();
	}
}

/** Imports (or re-imports) the schéma; only staff who manage fiches may do it. */
export async function importSchema(
	db: Db,
	actor: Actor | null,
	sources: SchemaSources
): Promise<ImportReport> {
	assertCan(actor, 'fiches.import');
	return importSchemaUnchecked(db, actor, sources);
}

/** The same, for the command line and demonstration data (no signed-in actor). */
export async function importSchemaUnchecked(
	db: Db,
	actor: Actor | null,
	sources: SchemaSources
): Promise<ImportReport> {
	const rows = [...departmentalRows(sources.departmental), ...sectoralRows(sources.sectoral)];
	const seen = new Set<string>();
	for (const row of rows) {
		if (!REF_PATTERN.test(row.ref))
			throw new InvalidInputError(`Référence de fiche invalide : « ${row.ref} ».`);
		if (seen.has(row.ref)) throw new InvalidInputError(`La fiche ${row.ref} apparaît deux fois.`);
		if (!row.title) throw new InvalidInputError(`La fiche ${row.ref} n’a pas de titre.`);
		seen.add(row.ref);
	}

	const report = await db.transaction().execute(async (tx) => {
		const [axes, components] = await Promise.all([
			knownCodes(tx, 'axis'),
			knownCodes(tx, 'component')
		]);
		const report: Omit<ImportReport, 'check'> = {
			created: 0,
			updated: 0,
			statusChanges: 0,
			flagshipActions: 0
		};
		const ficheIds = new Map<string, number>();
		for (const [position, row] of rows.entries()) {
			if (!components.has(row.component))
				throw new InvalidInputError(`Fiche ${row.ref} : volet « ${row.component} » inconnu.`);
			if (row.axis && !axes.has(row.axis))
				throw new InvalidInputError(`Fiche ${row.ref} : axe « ${row.axis} » inconnu.`);
			const values = {
				component_code: row.component,
				axis_code: row.axis,
				objective_id: await upsertObjective(tx, row, position),
				number: row.number,
				title: row.title,
				note: row.note,
				key_figures: toDbJson(row.keyFigures),
				budget: row.keyFigures.find((figure) => /^budget\b/i.test(figure)) ?? null
			};
			const existing = await tx
				.selectFrom('fiche')
				.select(['id', 'status'])
				.where('ref', '=', row.ref)
				.executeTakeFirst();
			let id: number;
			let current: string | null = null;
			if (existing) {
				id = existing.id;
				current = existing.status;
				await tx.updateTable('fiche').set(values).where('id', '=', id).execute();
				report.updated++;
			} else {
				const now = nowForDb();
				id = (
					await tx
						.insertInto('fiche')
						.values({ ref: row.ref, ...values, created_at: now, updated_at: now })
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
				report.created++;
			}
			ficheIds.set(row.ref, id);
			if (row.status && row.status !== current && !(await alreadyImported(tx, id, row.status))) {
				await recordStatusChange(tx, id, {
					status: row.status,
					comment: `Statut indiqué par le bilan des actions ${REVIEW_YEAR}.`,
					source: 'import',
					reviewYear: REVIEW_YEAR,
					actor
				});
				report.statusChanges++;
			}
			for (const year of row.flagshipYears) {
				await tx
					.insertInto('fiche_flagship_year')
					.values({ fiche_id: id, year })
					.onConflict((oc) => oc.doNothing())
					.execute();
			}
		}
		if (sources.flagships2025)
			report.flagshipActions += await importFlagshipList(tx, 2025, sources.flagships2025, ficheIds);
		if (sources.flagships2026)
			report.flagshipActions += await importFlagshipList(tx, 2026, sources.flagships2026, ficheIds);
		// Statuses imported from a review mean that review was published.
		if (rows.some((row) => row.status)) {
			await ensurePublishedCampaign(tx, REVIEW_YEAR, 'Bilan publié par le Département (import)');
		}
		if (sources.keywords) await importKeywords(tx, sources.keywords, ficheIds);
		await refreshSearchText(tx);
		await recordAudit(tx, {
			actor,
			action: 'fiches.imported',
			entityType: 'fiche',
			after: { ...report }
		});
		return report;
	});
	const check = sources.totals2025 ? await computeTotalsCheck(db, sources.totals2025) : [];
	return { ...report, check };
}
