// An address base in the format of the Base Adresse Nationale's CSV export
// (`id`, `numero`, `rep`, `nom_voie`, `code_postal`, `code_insee`,
// `nom_commune`, any other columns ignored), read as a stream so a
// département's 200,000 addresses never sit in memory as text, and checked
// row by row: each refused row says why, in French, with its line.
import { parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { DomainError, InvalidInputError } from '../../errors';

export interface BanAddress {
	banId: string;
	number: string;
	/** « bis », « ter »… */
	repetition: string;
	street: string;
	postalCode: string;
	inseeCode: string;
	communeName: string;
}

export interface AddressRowError {
	line: number;
	message: string;
}

export interface AddressBase {
	addresses: BanAddress[];
	errors: AddressRowError[];
	/** Rows read, header excluded. */
	rows: number;
}

export const REQUIRED_COLUMNS = [
	'id',
	'numero',
	'rep',
	'nom_voie',
	'code_postal',
	'code_insee',
	'nom_commune'
] as const;

/** Refused rows listed at most: past that, the file is not a BAN export. */
const MAX_ERRORS = 200;

export class AddressBaseError extends InvalidInputError {
	constructor(message: string) {
		super(message, 'file');
	}
}

/**
 * Reads the base; `communes` are the INSEE codes of the département, so an
 * address elsewhere is refused. The BAN separates with « ; », a spreadsheet
 * sometimes with « , »: the header says which.
 */
export async function readAddressBase(
	source: string | Buffer | AsyncIterable<string | Buffer>,
	communes: ReadonlySet<string>
): Promise<AddressBase> {
	const input =
		typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([source]) : source;
	const parser = parse({
		delimiter: [';', ','],
		bom: true,
		columns: (header: string[]) => {
			const names = header.map((h) => h.trim().toLowerCase());
			const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
			if (missing.length)
				throw new AddressBaseError(
					`Colonnes manquantes : ${missing.join(', ')}. Le fichier doit suivre l’export CSV de la Base Adresse Nationale.`
				);
			return names;
		},
		relax_column_count: true,
		skip_empty_lines: true,
		trim: true
	});
	const addresses: BanAddress[] = [];
	const errors: AddressRowError[] = [];
	const seen = new Set<string>();
	let rows = 0;
	const refuse = (line: number, message: string) => {
		if (errors.length < MAX_ERRORS) errors.push({ line, message });
	};
	try {
		// A pipeline, not pipe(): an error of the source (a damaged .gz) ends the loop below.
		const records = pipeline(Readable.from(input), parser, () => {});
		for await (const record of records as AsyncIterable<Record<string, string>>) {
			rows++;
			const line = rows + 1;
			const address: BanAddress = {
				banId: record.id ?? '',
				number: record.numero ?? '',
				repetition: record.rep ?? '',
				street: record.nom_voie ?? '',
				postalCode: record.code_postal ?? '',
				inseeCode: record.code_insee ?? '',
				communeName: record.nom_commune ?? ''
			};
			const problem = checkAddress(address, communes, seen);
			if (problem) refuse(line, problem);
			else {
				seen.add(address.banId);
				addresses.push(address);
			}
		}
	} catch (caught) {
		if (caught instanceof DomainError) throw caught;
		throw new AddressBaseError(
			`Le fichier ne se lit pas comme un CSV (ligne ${rows + 2}) : vérifiez qu’il s’agit de l’export de la Base Adresse Nationale.`
		);
	}
	return { addresses, errors, rows };
}

function checkAddress(a: BanAddress, communes: ReadonlySet<string>, seen: Set<string>) {
	if (!a.banId) return 'Identifiant (id) manquant.';
	if (seen.has(a.banId)) return `L’adresse ${a.banId} apparaît deux fois.`;
	if (!a.street) return 'Nom de la voie (nom_voie) manquant.';
	if (a.number && !/^\d{1,5}$/.test(a.number))
		return `Numéro « ${a.number} » : un nombre entier est attendu.`;
	if (!/^\d{5}$/.test(a.postalCode))
		return `Code postal « ${a.postalCode} » : cinq chiffres sont attendus.`;
	if (!communes.has(a.inseeCode))
		return `Code INSEE « ${a.inseeCode} » : ce n’est pas une commune du département.`;
	return null;
}

/** The base by commune, each in the order of its identifiers: what the draw shuffles. */
export function addressesByCommune(addresses: BanAddress[]): Map<string, BanAddress[]> {
	const byCommune = new Map<string, BanAddress[]>();
	for (const a of addresses) {
		const list = byCommune.get(a.inseeCode);
		if (list) list.push(a);
		else byCommune.set(a.inseeCode, [a]);
	}
	for (const list of byCommune.values())
		list.sort((x, y) => (x.banId < y.banId ? -1 : x.banId > y.banId ? 1 : 0));
	return byCommune;
}
