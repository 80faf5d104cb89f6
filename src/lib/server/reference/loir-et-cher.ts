// Loir-et-Cher's own reference data: what the shared CSV files do not say.
// Another département replaces this file's content (and the CSV files).

export const DEFAULT_DEPARTMENT = { code: '41', name: 'Loir-et-Cher' };

export const TERRITORY_NAMES: Record<string, string> = {
	nord: 'Territoire nord',
	centre: 'Territoire centre',
	sud: 'Territoire sud'
};

/** Default territory of each intercommunalité (EPCI, by SIREN); an administrator can change it. */
export const EPCI_TERRITORIES: Record<string, string> = {
	'200072072': 'nord', // CA Territoires Vendômois
	'244100293': 'nord', // CC des Collines du Perche
	'200040772': 'nord', // CC du Perche et Haut Vendômois
	'200030385': 'centre', // CA de Blois « Agglopolys »
	'200055481': 'centre', // CC Beauce Val de Loire
	'244100798': 'centre', // CC du Grand Chambord
	'200070183': 'centre', // CC des Terres du Val de Loire
	'200072064': 'sud', // CC Val-de-Cher-Controis
	'200018406': 'sud', // CC du Romorantinais et du Monestois
	'200000800': 'sud', // CC Cœur de Sologne
	'244100780': 'sud', // CC de la Sologne des Étangs
	'244100806': 'sud' // CC de la Sologne des Rivières
};

export const COMPONENTS = [
	{ code: 'departemental', name: 'Volet départemental' },
	{ code: 'sectoriel', name: 'Volet sectoriel' },
	{ code: 'territorial', name: 'Volet territorial' },
	{ code: 'alliance', name: 'Alliance' }
];

export const AXES = [
	{ code: 'enfance-famille', name: 'Enfance et famille', kind: 'sectoriel' },
	{ code: 'autonomie', name: 'Autonomie', kind: 'sectoriel' },
	{ code: 'insertion-emploi', name: 'Insertion et emploi', kind: 'sectoriel' },
	{ code: 'habitat-logement', name: 'Habitat et logement', kind: 'sectoriel' },
	{ code: 'sante', name: 'Santé', kind: 'sectoriel' },
	{ code: 'inclusion-numerique', name: 'Inclusion numérique', kind: 'sectoriel' },
	{ code: 'rendre-acteur', name: 'Rendre acteur', kind: 'strategique' },
	{ code: 'prevenir', name: 'Prévenir', kind: 'strategique' },
	{ code: 's-adapter', name: 'S’adapter', kind: 'strategique' }
] as const;
