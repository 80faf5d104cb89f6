import { describe, expect, it } from 'vitest';
import { communesOfDepartment } from '../../reference/communes-source';
import { addressesByCommune, AddressBaseError, readAddressBase } from './address-base';
import { generatedAddressCsv } from './generated-base';
import { allocateLetters, drawAddresses, type Stratum } from './stratify';

const { communes } = communesOfDepartment('41');
const CODES = new Set(communes.map((c) => c.inseeCode));
const BASE_COMMUNES = communes.map((c) => ({
	inseeCode: c.inseeCode,
	name: c.name,
	postalCode: c.postalCodes[0] ?? '41000',
	population: c.population
}));
// Three territories by INSEE code, enough to test over-sampling.
const territoryOf = (code: string) => ['nord', 'centre', 'sud'][Number(code.slice(-1)) % 3];

describe('invitations by lottery: the address base', () => {
	it('reads the BAN export row by row, refusing each bad row with its reason', async () => {
		const csv = [
			'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;lon;lat',
			'41018_0001_00001;41018_0001;1;;rue des Tilleuls;41000;41018;Blois;1.3;47.5',
			'41018_0001_00002;41018_0001;2;bis;rue des Tilleuls;41000;41018;Blois;;',
			'41018_0001_00001;41018_0001;1;;rue des Tilleuls;41000;41018;Blois;;',
			';;3;;rue des Tilleuls;41000;41018;Blois;;',
			'75056_0001_00001;75056_0001;1;;rue de Rivoli;75001;75056;Paris;;',
			'41018_0002_00001;41018_0002;1;;;41000;41018;Blois;;',
			'41018_0003_00001;41018_0003;un;;allée du Moulin;41000;41018;Blois;;',
			'41018_0004_00001;41018_0004;1;;route de la Gare;4100;41018;Blois;;'
		].join('\n');
		const base = await readAddressBase(csv, CODES);
		expect(base.rows).toBe(8);
		expect(base.addresses.map((a) => a.banId)).toEqual(['41018_0001_00001', '41018_0001_00002']);
		expect(base.addresses[1]).toMatchObject({ repetition: 'bis', street: 'rue des Tilleuls' });
		expect(base.errors).toEqual([
			{ line: 4, message: 'L’adresse 41018_0001_00001 apparaît deux fois.' },
			{ line: 5, message: 'Identifiant (id) manquant.' },
			{ line: 6, message: 'Code INSEE « 75056 » : ce n’est pas une commune du département.' },
			{ line: 7, message: 'Nom de la voie (nom_voie) manquant.' },
			{ line: 8, message: 'Numéro « un » : un nombre entier est attendu.' },
			{ line: 9, message: 'Code postal « 4100 » : cinq chiffres sont attendus.' }
		]);
		const commas = await readAddressBase(
			'id,numero,rep,nom_voie,code_postal,code_insee,nom_commune\n41018_0001_00001,1,,rue,41000,41018,Blois\n',
			CODES
		);
		expect(commas.addresses).toHaveLength(1);
		await expect(readAddressBase('id;numero;nom_voie\n1;2;rue\n', CODES)).rejects.toThrow(
			new AddressBaseError(
				'Colonnes manquantes : rep, code_postal, code_insee, nom_commune. Le fichier doit suivre l’export CSV de la Base Adresse Nationale.'
			)
		);
	});

	it('reads a generated base of the real communes as a stream', async () => {
		const csv = generatedAddressCsv(BASE_COMMUNES, 20_000);
		const chunks = (async function* () {
			for (let i = 0; i < csv.length; i += 4096) yield csv.slice(i, i + 4096);
		})();
		const base = await readAddressBase(chunks, CODES);
		expect(base.errors).toEqual([]);
		expect(base.addresses).toHaveLength(20_000);
		expect(new Set(base.addresses.map((a) => a.inseeCode)).size).toBe(communes.length);
	});
});

describe('invitations by lottery: the draw', () => {
	it('shares the letters in proportion to population, each commune within one of its target', () => {
		const strata: Stratum[] = [
			{ key: 'a', population: 1000, territory: 'nord', available: 100 },
			{ key: 'b', population: 3000, territory: 'nord', available: 100 },
			{ key: 'c', population: 6000, territory: 'sud', available: 100 }
		];
		expect(allocateLetters(strata, 10).map((a) => a.letters)).toEqual([1, 3, 6]);
		expect(allocateLetters(strata, 11).map((a) => a.letters)).toEqual([1, 3, 7]);
		// A commune with too few addresses gives what it cannot take to the others.
		const capped = allocateLetters([{ ...strata[0], available: 1 }, ...strata.slice(1)], 50);
		// 49 left for b and c, 3 : 6 → 16,33 and 32,67.
		expect(capped.map((a) => a.letters)).toEqual([1, 16, 33]);
		// Over-sampling the north, where fewer answer, doubles its weight.
		expect(allocateLetters(strata, 14, { nord: 2 }).map((a) => a.letters)).toEqual([2, 6, 6]);
		// Never more letters than addresses.
		expect(allocateLetters(strata, 1000).reduce((s, a) => s + a.letters, 0)).toBe(300);
	});

	it('draws 2,000 of a base of the real communes, reproducibly from the seed', async () => {
		const base = await readAddressBase(generatedAddressCsv(BASE_COMMUNES, 30_000), CODES);
		const byCommune = addressesByCommune(base.addresses);
		const strata = communes.map((c) => ({
			key: c.inseeCode,
			population: c.population,
			territory: territoryOf(c.inseeCode),
			available: byCommune.get(c.inseeCode)?.length ?? 0
		}));
		const allocation = allocateLetters(strata, 2000);
		expect(allocation.reduce((s, a) => s + a.letters, 0)).toBe(2000);
		for (const a of allocation) {
			const available = strata.find((s) => s.key === a.key)!.available;
			if (a.letters < available) expect(Math.abs(a.letters - a.target)).toBeLessThan(1);
		}
		const drawn = drawAddresses(byCommune, allocation, '20261204');
		expect(drawn).toHaveLength(2000);
		expect(new Set(drawn.map((d) => d.address.banId)).size).toBe(2000);
		for (const a of allocation)
			expect(drawn.filter((d) => d.commune === a.key)).toHaveLength(a.letters);

		const again = drawAddresses(
			addressesByCommune([...base.addresses].reverse()),
			allocation,
			'20261204'
		);
		expect(again.map((d) => d.address.banId)).toEqual(drawn.map((d) => d.address.banId));
		const other = drawAddresses(byCommune, allocation, '20261205');
		expect(other.map((d) => d.address.banId)).not.toEqual(drawn.map((d) => d.address.banId));

		const north = (list: typeof allocation) =>
			list.filter((a) => territoryOf(a.key) === 'nord').reduce((s, a) => s + a.letters, 0);
		expect(north(allocateLetters(strata, 2000, { nord: 1.5 }))).toBeGreaterThan(north(allocation));
	});
});
