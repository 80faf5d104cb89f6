// Officers import people from a spreadsheet (CSV, as Excel or LibreOffice
// save it): every row is checked first and shown with its errors; only
// then are the valid rows added, all at once, with the consent the officer
// certifies the people gave.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError } from '../errors';
import { foldForSearch } from '../text';
import { insertPerson } from './people';
import { personFields, readPersonForm } from './schemas';
import { AGE_BANDS } from '$lib/consultation-vocabulary';
import { AVAILABILITIES, NEEDS, PANEL_GENDERS, PANEL_SITUATIONS } from '$lib/panel-vocabulary';

export const IMPORT_MAX_ROWS = 5000;

const importSchema = z.object(personFields);
type ImportedPerson = z.infer<typeof importSchema>;

/** Accepted spellings of each column, compared folded (no case, accents or punctuation). */
const FIELD_LABELS: Record<string, string> = {
	firstName: 'Prénom',
	lastName: 'Nom',
	email: 'E-mail',
	phone: 'Téléphone',
	postalAddress: 'Adresse',
	communeCode: 'Commune',
	ageBand: 'Âge',
	gender: 'Genre',
	needsDetail: 'Précisions'
};

const COLUMNS: Record<string, string[]> = {
	firstName: ['prenom', 'first name', 'firstname'],
	lastName: ['nom', 'nom de famille', 'last name', 'lastname'],
	email: ['email', 'e mail', 'courriel', 'adresse e mail', 'mail'],
	phone: ['telephone', 'tel', 'portable', 'phone', 'numero de telephone'],
	postalAddress: ['adresse', 'adresse postale', 'address'],
	commune: ['commune', 'ville', 'code insee', 'insee', 'code commune'],
	ageBand: ['age', 'tranche d age', 'tranche age', 'tranche'],
	gender: ['genre', 'sexe'],
	situations: ['situation', 'situations'],
	availability: ['disponibilites', 'disponibilite'],
	needs: ['besoins', 'besoin'],
	needsDetail: ['precisions', 'precisions besoins', 'autre besoin']
};

export interface ImportOptions {
	/** The officer certifies that every person agreed to join the panel. */
	consent: boolean;
	/** …and, separately, that their situation be kept; without it, situations are left out. */
	situationConsent: boolean;
	status: 'candidat' | 'actif';
}

export interface ImportRow {
	line: number;
	name: string;
	errors: string[];
	person: ImportedPerson | null;
}

export interface ImportPreview {
	columns: { found: Record<string, string>; ignored: string[] };
	rows: ImportRow[];
	valid: number;
	invalid: number;
}

type Code = { code: string; label: string; short?: string };

function matchCode(list: readonly Code[], raw: string): string | null {
	const folded = foldForSearch(raw);
	const hit = list.find(
		(item) =>
			foldForSearch(item.code) === folded ||
			foldForSearch(item.label) === folded ||
			(item.short && foldForSearch(item.short) === folded)
	);
	return hit?.code ?? null;
}

/** Several values in one cell: « RSA; aidant », or commas when no label has one. */
function matchList(list: readonly Code[], raw: string, what: string, errors: string[]): string[] {
	const codes: string[] = [];
	for (const part of raw
		.split(/[;|/]/)
		.map((p) => p.trim())
		.filter(Boolean)) {
		const whole = matchCode(list, part);
		if (whole) {
			codes.push(whole);
			continue;
		}
		for (const piece of part
			.split(',')
			.map((p) => p.trim())
			.filter(Boolean)) {
			const code = matchCode(list, piece);
			if (code) codes.push(code);
			else errors.push(`${what} inconnue : « ${piece} ».`);
		}
	}
	return [...new Set(codes)];
}

function ageBandOf(raw: string): string {
	if (/^\d{1,3}$/.test(raw.trim())) {
		const age = Number(raw);
		if (age > 120) return raw;
		return age < 18
			? 'moins-18'
			: age < 25
				? '18-24'
				: age < 40
					? '25-39'
					: age < 60
						? '40-59'
						: age < 75
							? '60-74'
							: '75-plus';
	}
	return matchCode(AGE_BANDS, raw) ?? raw;
}

function genderOf(raw: string): string {
	const folded = foldForSearch(raw);
	if (!folded) return '';
	if (['f', 'femme', 'feminin'].includes(folded)) return 'Femme';
	if (['h', 'm', 'homme', 'masculin'].includes(folded)) return 'Homme';
	return PANEL_GENDERS.find((g) => foldForSearch(g) === folded) ?? raw;
}

/** UTF-8, or Windows-1252 as older Excel versions save CSV in France. */
export function decodeSpreadsheetText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The separator the header line uses most: Excel writes « ; » in France, « , » elsewhere. */
function delimiterOf(text: string): string {
	const end = text.indexOf('\n');
	const header = end < 0 ? text : text.slice(0, end);
	const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
	return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readRecords(text: string): string[][] {
	try {
		return parse(text, {
			delimiter: delimiterOf(text),
			bom: true,
			skip_empty_lines: true,
			relax_column_count: true,
			trim: true
		});
	} catch (caught) {
		throw new InvalidInputError(
			`Le fichier n’est pas un CSV lisible${caught instanceof Error ? ` (${caught.message.split('\n')[0]})` : ''}. Enregistrez-le au format « CSV UTF-8 » depuis votre tableur.`
		);
	}
}

export async function previewImport(
	db: Db,
	actor: Actor | null,
	text: string,
	options: Pick<ImportOptions, 'situationConsent'>
): Promise<ImportPreview> {
	assertCan(actor, 'panel.manage');
	const records = readRecords(text);
	if (records.length < 2)
		throw new InvalidInputError(
			'Le fichier est vide : il faut une ligne de titres, puis une ligne par personne.'
		);
	if (records.length - 1 > IMPORT_MAX_ROWS)
		throw new InvalidInputError(
			`Le fichier a ${records.length - 1} lignes : ${IMPORT_MAX_ROWS} au plus par import.`
		);
	const header = records[0].map(foldForSearch);
	const index: Record<string, number> = {};
	const found: Record<string, string> = {};
	for (const [field, names] of Object.entries(COLUMNS)) {
		const at = header.findIndex((h) => names.includes(h));
		if (at >= 0) {
			index[field] = at;
			found[field] = records[0][at];
		}
	}
	const missing = ['firstName', 'lastName', 'commune', 'ageBand'].filter((f) => !(f in index));
	if (missing.length)
		throw new InvalidInputError(
			`Colonnes obligatoires absentes : ${missing
				.map((f) => COLUMNS[f][0])
				.join(', ')}. La première ligne doit donner les titres des colonnes.`
		);
	const ignored = records[0].filter((_, i) => !Object.values(index).includes(i) && records[0][i]);

	const communes = await db.selectFrom('commune').select(['insee_code', 'name']).execute();
	const communeByKey = new Map<string, string>();
	for (const c of communes) {
		communeByKey.set(c.insee_code, c.insee_code);
		communeByKey.set(foldForSearch(c.name), c.insee_code);
	}
	const known = new Set(
		(
			await db
				.selectFrom('person')
				.select('email')
				.where('email', 'is not', null)
				.where('status', '!=', 'parti')
				.execute()
		).map((p) => p.email!.toLowerCase())
	);
	const seen = new Set<string>();

	const rows: ImportRow[] = records.slice(1).map((record, i) => {
		const cell = (field: string) => (field in index ? (record[index[field]] ?? '') : '');
		const errors: string[] = [];
		const communeRaw = cell('commune');
		const communeCode =
			communeByKey.get(communeRaw.trim()) ?? communeByKey.get(foldForSearch(communeRaw));
		if (communeRaw && !communeCode) errors.push(`Commune inconnue : « ${communeRaw} ».`);
		const situations = matchList(PANEL_SITUATIONS, cell('situations'), 'Situation', errors);
		const values = {
			firstName: cell('firstName'),
			lastName: cell('lastName'),
			email: cell('email'),
			phone: cell('phone'),
			postalAddress: cell('postalAddress'),
			communeCode: communeCode ?? '',
			ageBand: ageBandOf(cell('ageBand')),
			gender: genderOf(cell('gender')),
			situations: options.situationConsent ? situations : [],
			situationConsent: options.situationConsent && situations.length > 0,
			availability: matchList(AVAILABILITIES, cell('availability'), 'Disponibilité', errors),
			needs: matchList(NEEDS, cell('needs'), 'Besoin', errors),
			needsDetail: cell('needsDetail')
		};
		const parsed = readPersonForm(importSchema, values);
		if (!parsed.ok)
			for (const [field, message] of Object.entries(parsed.errors))
				if (field !== 'communeCode' || !communeRaw)
					errors.push(
						field === 'email' && !values.email
							? message
							: `${FIELD_LABELS[field] ?? field} : ${message}`
					);
		const email = values.email.trim().toLowerCase();
		if (email && known.has(email)) errors.push('Cette adresse e-mail est déjà dans le panel.');
		else if (email && seen.has(email))
			errors.push('Cette adresse e-mail est déjà plus haut dans le fichier.');
		if (email) seen.add(email);
		return {
			line: i + 2,
			name: `${values.firstName} ${values.lastName}`.trim() || '(sans nom)',
			errors,
			person: errors.length === 0 && parsed.ok ? parsed.data : null
		};
	});
	const valid = rows.filter((r) => r.person).length;
	return { columns: { found, ignored }, rows, valid, invalid: rows.length - valid };
}

/** Adds the valid rows; the invalid ones are left for the officer to fix and import again. */
export async function importPeople(
	db: Db,
	actor: Actor | null,
	text: string,
	fileName: string,
	options: ImportOptions
): Promise<{ imported: number; rejected: number }> {
	assertCan(actor, 'panel.manage');
	if (!options.consent)
		throw new InvalidInputError(
			'Cochez la case : chaque personne du fichier doit avoir accepté de rejoindre le panel.',
			'consent'
		);
	const preview = await previewImport(db, actor, text, options);
	const people = preview.rows.flatMap((r) => (r.person ? [r.person] : []));
	await db.transaction().execute(async (tx) => {
		for (const person of people)
			await insertPerson(tx, person, {
				source: 'import',
				collectedBy: `${actor.displayName} (import de « ${fileName} »)`,
				enteredBy: actor.id,
				status: options.status
			});
		await recordAudit(tx, {
			actor,
			action: 'panel.import',
			entityType: 'person',
			after: {
				fileName,
				imported: people.length,
				rejected: preview.invalid,
				status: options.status,
				situationConsent: options.situationConsent
			}
		});
	});
	return { imported: people.length, rejected: preview.invalid };
}
