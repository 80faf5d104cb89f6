// Communes, populations and intercommunalités come from the official
// "découpage administratif" package, read from disk rather than bundled
// (it covers all of France: several megabytes).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

export interface SourceCommune {
	inseeCode: string;
	name: string;
	postalCodes: string[];
	population: number;
	epciCode: string | null;
}

export interface SourceEpci {
	code: string;
	name: string;
}

interface RawCommune {
	code: string;
	nom: string;
	type: string;
	departement?: string;
	codesPostaux?: string[];
	population?: number;
}

interface RawEpci {
	code: string;
	nom: string;
	membres: { code: string }[];
}

const require = createRequire(import.meta.url);

function readPackageJson<T>(file: string): T {
	return JSON.parse(
		readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')
	);
}

export function communesOfDepartment(departmentCode: string): {
	communes: SourceCommune[];
	epcis: SourceEpci[];
} {
	const raw = readPackageJson<RawCommune[]>('communes.json').filter(
		(c) => c.departement === departmentCode && c.type === 'commune-actuelle'
	);
	const codes = new Set(raw.map((c) => c.code));
	const epciOf = new Map<string, SourceEpci>();
	for (const epci of readPackageJson<RawEpci[]>('epci.json')) {
		for (const member of epci.membres) {
			if (codes.has(member.code)) epciOf.set(member.code, { code: epci.code, name: epci.nom });
		}
	}
	const communes = raw.map((c) => ({
		inseeCode: c.code,
		name: c.nom,
		postalCodes: c.codesPostaux ?? [],
		population: c.population ?? 0,
		epciCode: epciOf.get(c.code)?.code ?? null
	}));
	const epcis = [...new Map([...epciOf.values()].map((e) => [e.code, e])).values()];
	return { communes, epcis };
}
