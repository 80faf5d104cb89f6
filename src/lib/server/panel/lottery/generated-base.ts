// A plausible address base for the demonstration and the bench: the real
// communes of the département with their populations, and invented street
// names and numbers (about one address per 2.2 inhabitants, a household), in
// the BAN's CSV format. Reproducible from its seed.
import { SeededRandom } from '../selection/random';

const KINDS = ['rue', 'chemin', 'allée', 'route', 'impasse', 'place', 'avenue'];
const NAMES = [
	'des Tilleuls',
	'du Moulin',
	'de la Gare',
	'des Écoles',
	'du Château',
	'de l’Église',
	'des Vignes',
	'du Stade',
	'des Prés',
	'de la Fontaine',
	'des Peupliers',
	'du Lavoir',
	'des Acacias',
	'de la Mairie',
	'du Verger',
	'des Sablons',
	'du Pressoir',
	'des Marronniers'
];
const PEOPLE_PER_ADDRESS = 2.2;

export interface BaseCommune {
	inseeCode: string;
	name: string;
	postalCode: string;
	population: number;
}

/** The base as the BAN exports it (« ; » separated), `total` addresses shared by population. */
export function generatedAddressCsv(communes: BaseCommune[], total: number, seed = '41'): string {
	const random = new SeededRandom(seed, 'base-adresses');
	const people = communes.reduce((sum, c) => sum + c.population, 0);
	const scale = total / (people / PEOPLE_PER_ADDRESS);
	const lines = ['id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;lon;lat'];
	let written = 0;
	communes.forEach((commune, index) => {
		const wanted =
			index === communes.length - 1
				? total - written
				: Math.max(1, Math.round((commune.population / PEOPLE_PER_ADDRESS) * scale));
		const count = Math.max(0, Math.min(wanted, total - written));
		const streets = Math.max(1, Math.ceil(count / 40));
		for (let i = 0; i < count; i++) {
			const street = i % streets;
			const number = Math.floor(i / streets) + 1;
			const name = `${KINDS[(street + index) % KINDS.length]} ${NAMES[(street * 7 + index * 3) % NAMES.length]}`;
			const rep = random.below(40) === 0 ? 'bis' : '';
			const fantoir = String(street + 1).padStart(4, '0');
			lines.push(
				[
					`${commune.inseeCode}_${fantoir}_${String(number).padStart(5, '0')}${rep ? '_bis' : ''}`,
					`${commune.inseeCode}_${fantoir}`,
					number,
					rep,
					name,
					commune.postalCode,
					commune.inseeCode,
					commune.name,
					'',
					''
				].join(';')
			);
		}
		written += count;
	});
	return `${lines.join('\n')}\n`;
}
