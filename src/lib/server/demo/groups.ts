// Demonstration groups: the groupe ressource of ten residents, the three
// CVS des parents (one per territory) and a comité local with a partner,
// their bodies, documents and meetings; the demo « membre » account
// belongs to the groupe ressource and to the CVS of its territory.
import { blankEvent } from '../events/schemas';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { createGroup } from '../groups/manage';
import { addOutsideMember, addPanelMember } from '../groups/members';
import { addBody, setBodySeats } from '../groups/bodies';
import { addDocument } from '../groups/documents';
import { createEvent, publishEvent } from '../events/manage';
import { saveMinutes } from '../events/attendance';

const MANDATE = { mandateStart: '2026-01-01', mandateEnd: '2027-12-31' };

const CHARTER = `# Charte du groupe

- Chacun parle à son tour et **chaque avis compte**.
- Ce qui est dit sur la situation d’une personne reste dans le groupe.
- Le Département rend compte de ce qu’il fait des propositions du groupe.
- Les frais de transport et de garde d’enfants sont remboursés.`;

function at(days: number, hour: number): Date {
	const day = 24 * 3600 * 1000;
	return new Date(Math.floor(Date.now() / day) * day + days * day + (hour - 1) * 3600 * 1000);
}

async function meeting(
	db: Db,
	agent: Actor,
	groupId: number,
	fields: { title: string; slug: string; days: number; placeName: string; communeCode: string },
	minutes?: string
) {
	const id = await createEvent(
		db,
		agent,
		blankEvent({
			title: fields.title,
			slug: fields.slug,
			kind: 'reunion-groupe',
			placeName: fields.placeName,
			communeCode: fields.communeCode,
			startsAt: at(fields.days, 14),
			endsAt: at(fields.days, 16),
			audience: 'groupe',
			groupId
		})
	);
	await publishEvent(db, agent, id);
	if (minutes) await saveMinutes(db, agent, id, minutes, true);
}

export async function seedDemoGroups(db: Db, agent: Actor, memberUserId: number): Promise<void> {
	if (await db.selectFrom('participation_group').select('id').limit(1).executeTakeFirst()) return;
	const people = await db
		.selectFrom('person')
		.innerJoin('territory', 'territory.id', 'person.territory_id')
		.select(['person.id', 'territory.code', 'person.commune_insee_code'])
		.where('person.status', '=', 'actif')
		.where('person.in_panel', '=', 1)
		.orderBy('person.id')
		.execute();
	const territories = await db.selectFrom('territory').select(['id', 'code', 'name']).execute();

	const ressource = await createGroup(db, agent, {
		name: 'Groupe ressource',
		slug: 'groupe-ressource',
		kind: 'groupe-ressource',
		territoryId: null,
		description:
			'Dix habitants qui suivent la mise en œuvre du schéma des solidarités, participent aux ateliers et siègent dans des instances de décision.'
	});
	const members = people.slice(0, 10);
	for (const [i, person] of members.entries())
		await addPanelMember(db, agent, ressource, person.id, {
			role: i === 1 ? 'co-animateur' : i >= 8 ? 'suppleant' : 'membre',
			...MANDATE
		});
	const rsa = await addBody(db, agent, ressource, {
		name: 'Équipe pluridisciplinaire RSA',
		description: 'Deux membres donnent le regard des personnes concernées sur les situations.'
	});
	await setBodySeats(db, agent, ressource, rsa, [members[0].id, members[2].id]);
	const pdalhpd = await addBody(db, agent, ressource, {
		name: 'Groupes de travail du PDALHPD',
		description:
			'Plan départemental d’action pour le logement et l’hébergement des personnes défavorisées.'
	});
	await setBodySeats(db, agent, ressource, pdalhpd, [members[3].id]);
	await addDocument(db, agent, ressource, {
		title: 'Charte du groupe ressource',
		body: CHARTER,
		url: ''
	});
	await addDocument(db, agent, ressource, {
		title: 'Le schéma des solidarités 2024-2028',
		body: 'Les 163 fiches-actions du schéma, à consulter avant la prochaine réunion.',
		url: 'https://www.departement41.fr/'
	});
	await meeting(
		db,
		agent,
		ressource,
		{
			title: 'Groupe ressource : bilan des ateliers mobilité',
			slug: 'groupe-ressource-bilan-mobilite',
			days: -35,
			placeName: 'Hôtel du Département',
			communeCode: '41018'
		},
		'## Ce que nous avons dit\n\nLes horaires des transports à la demande ne collent pas aux rendez-vous de l’après-midi. Le groupe propose un essai de réservation la veille.'
	);
	await meeting(db, agent, ressource, {
		title: 'Groupe ressource : préparer l’université sociale',
		slug: 'groupe-ressource-universite-sociale',
		days: 16,
		placeName: 'Hôtel du Département',
		communeCode: '41018'
	});

	for (const code of ['nord', 'centre', 'sud']) {
		const territory = territories.find((t) => t.code === code);
		if (!territory) continue;
		const cvs = await createGroup(db, agent, {
			name: `CVS des parents — ${code[0].toUpperCase()}${code.slice(1)}`,
			slug: `cvs-parents-${code}`,
			kind: 'cvs-parents',
			territoryId: territory.id,
			description:
				'Des parents d’enfants accompagnés par l’aide sociale à l’enfance donnent leur avis sur l’accueil et l’accompagnement.'
		});
		const parents = people.filter((p) => p.code === code);
		const chosen = [
			...(code === members[0].code ? [members[0]] : []),
			...parents.filter((p) => p.id !== members[0].id).slice(-9)
		];
		for (const [i, parent] of chosen.entries())
			await addPanelMember(db, agent, cvs, parent.id, {
				role: i === 1 ? 'co-animateur' : 'membre',
				...MANDATE
			});
		await meeting(db, agent, cvs, {
			title: `CVS des parents — ${code[0].toUpperCase()}${code.slice(1)} : réunion trimestrielle`,
			slug: `cvs-parents-${code}-trimestre`,
			days: 23 + ['nord', 'centre', 'sud'].indexOf(code),
			placeName: 'Maison des solidarités',
			communeCode: chosen[0]?.commune_insee_code ?? '41018'
		});
	}

	const local = await createGroup(db, agent, {
		name: 'Comité local de Romorantin',
		slug: 'comite-local-romorantin',
		kind: 'comite-local',
		territoryId: territories.find((t) => t.code === 'sud')?.id ?? null,
		description: 'Habitants et partenaires du bassin de Romorantin autour de l’accès aux droits.'
	});
	for (const person of people.filter((p) => p.code === 'sud').slice(0, 3))
		await addPanelMember(db, agent, local, person.id, { role: 'membre', ...MANDATE });
	await addOutsideMember(db, agent, local, {
		firstName: 'Nadia',
		lastName: 'Centre social',
		email: 'nadia.partenaire@exemple.fr',
		phone: '',
		postalAddress: '',
		consent: true,
		role: 'co-animateur',
		mandateStart: '',
		mandateEnd: ''
	});

	await db
		.updateTable('person')
		.set({ user_id: memberUserId, email: 'membre@concerto.test' })
		.where('id', '=', members[0].id)
		.execute();
}
