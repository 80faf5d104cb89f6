// A panel of 90 residents spread over the département, officers' targets,
// and a draw for the groupe ressource prepared but not yet drawn.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { SeededRandom } from '../panel/selection/random';
import { registerPersonByOfficer, updatePersonStatus } from '../panel/registry';
import { saveTargets } from '../panel/representation';
import { createDraw, proposeQuotas } from '../panel/draws';
import { AGE_BANDS, PANEL_SITUATIONS } from '$lib/panel-vocabulary';

const FIRST = [
	'Awa',
	'Bernard',
	'Chantal',
	'David',
	'Élodie',
	'Farid',
	'Gisèle',
	'Hugo',
	'Inès',
	'Jacques',
	'Karima',
	'Louis',
	'Maryse',
	'Nathan',
	'Odile'
];
const LAST = [
	'Martin',
	'Bernard',
	'Petit',
	'Durand',
	'Leroy',
	'Moreau',
	'Simon',
	'Laurent',
	'Lefebvre',
	'Michel',
	'Garcia',
	'Roux'
];

export async function seedDemoPanel(db: Db, agent: Actor): Promise<void> {
	if (await db.selectFrom('person').select('id').limit(1).executeTakeFirst()) return;
	const random = new SeededRandom('démo', 'panel');
	const communes = await db
		.selectFrom('commune')
		.select(['insee_code', 'population'])
		.orderBy('population', 'desc')
		.limit(40)
		.execute();
	const ages = AGE_BANDS.filter((a) => a.code !== 'moins-18');
	for (let i = 0; i < 90; i++) {
		const situations = PANEL_SITUATIONS.filter(() => random.below(6) === 0).map((s) => s.code);
		const id = await registerPersonByOfficer(db, agent, {
			firstName: FIRST[i % FIRST.length],
			lastName: LAST[(i * 7) % LAST.length],
			email: `panel${i + 1}@exemple.fr`,
			phone: '',
			postalAddress: `${1 + random.below(60)} rue ${i % 9 === 0 ? 'des Écoles' : `n° ${i}`}`,
			communeCode: communes[random.below(communes.length)].insee_code,
			ageBand: ages[random.below(ages.length)].code,
			gender: (['Femme', 'Homme', 'Femme', 'Homme', 'Autre'] as const)[random.below(5)],
			situations,
			situationConsent: situations.length > 0,
			availability: ['samedi'],
			needs: random.below(4) === 0 ? ['transport'] : [],
			needsDetail: '',
			source: i % 3 ? 'terrain' : 'papier',
			consent: true
		});
		if (i % 10 !== 9)
			await updatePersonStatus(db, agent, id, {
				status: 'actif',
				mandateStart: '2026-01-01',
				mandateEnd: i % 7 ? '2027-12-31' : '2026-12-15'
			});
	}
	await saveTargets(db, agent, 'genre', { Femme: 51, Homme: 47, Autre: 2 });
	await saveTargets(db, agent, 'age', {
		'De 18 à 24 ans': 9,
		'De 25 à 39 ans': 21,
		'De 40 à 59 ans': 32,
		'De 60 à 74 ans': 24,
		'75 ans et plus': 14
	});
	const size = 10;
	const proposal = await proposeQuotas(
		db,
		agent,
		{ status: 'actif' },
		['territoire', 'genre'],
		size
	);
	await createDraw(db, agent, {
		title: 'Groupe ressource 2027',
		purpose: 'Renouveler la moitié du groupe ressource.',
		size,
		householdRule: true,
		filters: { status: 'actif' },
		quotas: proposal.quotas.flatMap((q) =>
			q.values.map((v) => ({
				criterion: q.criterion,
				value: v.value,
				min: Math.max(0, v.min - 1),
				max: v.max + 1
			}))
		),
		seed: '20261122',
		alternates: 5
	});
}
