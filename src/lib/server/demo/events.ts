// Demonstration events: the past events of the shared reference data (the
// 2023 field tour, the assises, the three universités sociales of 2025 with
// their counts) and upcoming workshops, one of them full with a waiting list.
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { parseCsv } from '../reference/csv';
import { foldForSearch } from '../text';
import { nowForDb, toDbJson } from '../db/codecs';
import { generateToken, hashToken } from '../auth/tokens';
import { generateReadableCode } from '../consultations/codes';
import demarchesCsv from '../reference/data/demarches-participatives.csv?raw';
import { createEvent, publishEvent } from '../events/manage';
import { REGISTRATION_CONSENT } from '../events/registration';
import { blankEvent, type EventCommand } from '../events/schemas';
import { addProgrammeItem } from '../events/programme';
import { parisLocalToDate, parisDay } from '$lib/paris-time';
import { wholeNumber } from '$lib/codes';

const PAST_KINDS: Record<string, string> = {
	interview_terrain: 'tournee',
	assises: 'assises',
	universite_sociale: 'universite-sociale',
	conference: 'conference'
};

/** The day and hour of the reference data, in Paris time. */
const parisAt = (local: string) => parisLocalToDate(local)!;

async function communeCode(db: Db, name: string): Promise<string | null> {
	if (!name) return null;
	const communes = await db.selectFrom('commune').select(['insee_code', 'name']).execute();
	const folded = foldForSearch(name);
	return (
		(
			communes.find((c) => foldForSearch(c.name) === folded) ??
			communes.find((c) => foldForSearch(c.name).startsWith(folded))
		)?.insee_code ?? null
	);
}

/** The 2023 tour: one event, its 14 half-day stops, and the interviews entered there. */
async function fieldTour(db: Db, admin: Actor, rows: Record<string, string>[]) {
	const consultation = await db
		.selectFrom('consultation')
		.select('id')
		.where('slug', '=', 'mon-avis-citoyen-2023-habitants')
		.executeTakeFirst();
	const days = rows.map((r) => r.date_debut).sort();
	const id = await createEvent(
		db,
		admin,
		blankEvent({
			title: 'Tournée « aller vers » : interviews de terrain',
			slug: 'tournee-aller-vers-2023',
			kind: 'tournee',
			description:
				'Des agents du Département sont allés à la rencontre des habitants sur les marchés et près des espaces France Services, pour recueillir leur avis sur les services.',
			placeName: 'Quatorze communes du département',
			startsAt: parisAt(`${days[0]}T09:30`),
			endsAt: parisAt(`${days.at(-1)}T17:00`),
			consultationId: consultation?.id ?? null
		})
	);
	for (const row of rows) {
		const commune = await communeCode(db, row.commune);
		if (!commune) continue;
		const { id: stopId } = await db
			.insertInto('tour_stop')
			.values({
				event_id: id,
				day: row.date_debut,
				half_day: row.lieu === 'après-midi' ? 'apres-midi' : 'matin',
				commune_insee_code: commune,
				place: 'Près de l’espace France Services',
				agents: 'Équipe participation'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.updateTable('response')
			.set({ tour_stop_id: stopId })
			.where('channel', '=', 'terrain')
			.where('interview_date', '=', row.date_debut)
			.where('interview_commune_insee_code', '=', commune)
			.execute();
	}
	await db.updateTable('event').set({ status: 'termine' }).where('id', '=', id).execute();
}

async function pastEvents(db: Db, admin: Actor) {
	const rows = parseCsv(demarchesCsv).filter((row) => PAST_KINDS[row.type]);
	await fieldTour(
		db,
		admin,
		rows.filter((r) => r.type === 'interview_terrain')
	);
	for (const [i, row] of rows.filter((r) => r.type !== 'interview_terrain').entries()) {
		const commune = await communeCode(db, row.commune);
		const id = await createEvent(
			db,
			admin,
			blankEvent({
				title: row.titre,
				slug: `${row.type.replace('_', '-')}-${row.date_debut}-${i + 1}`,
				kind: PAST_KINDS[row.type],
				description: row.remarque
					? `${row.remarque.charAt(0).toUpperCase()}${row.remarque.slice(1)}.`
					: '',
				placeName: row.lieu || 'Lieu non précisé',
				communeCode: commune,
				startsAt: parisAt(`${row.date_debut}T09:30`),
				endsAt: parisAt(`${row.date_fin}T17:00`),
				audience: row.type === 'universite_sociale' ? 'professionnels' : 'tous'
			})
		);
		await db
			.updateTable('event')
			.set({
				status: 'termine',
				reported_participants: row.participants ? Number(row.participants) : null,
				reported_residents: row.dont_habitants ? Number(row.dont_habitants) : null
			})
			.where('id', '=', id)
			.execute();
	}
}

const FIRST_NAMES = [
	'Aline',
	'Bernard',
	'Chantal',
	'David',
	'Émilie',
	'Farid',
	'Gisèle',
	'Hugo',
	'Inès',
	'Jules',
	'Karima',
	'Louis',
	'Martine',
	'Nadia',
	'Olivier'
];

async function register(
	db: Db,
	eventId: number,
	count: number,
	status: 'inscrit' | 'attente',
	offset: number
) {
	const now = Date.now();
	for (let i = 0; i < count; i++) {
		// Later groups (the waiting list) registered after the earlier ones.
		const at = new Date(now - (2000 - offset - i) * 60_000).toISOString();
		const name = `${FIRST_NAMES[(i + offset) % FIRST_NAMES.length]} ${String.fromCharCode(65 + ((i * 7 + offset) % 26))}.`;
		await db
			.insertInto('registration')
			.values({
				event_id: eventId,
				status,
				name,
				email: `participant${offset + i}@exemple.fr`,
				needs: toDbJson(i % 3 === 0 ? ['transport'] : i % 5 === 0 ? ['garde', 'falc'] : []),
				needs_detail: '',
				consent_text_version: REGISTRATION_CONSENT.version,
				consented_at: at,
				cancel_token_hash: hashToken(generateToken()),
				receipt_code: generateReadableCode(),
				created_at: at,
				updated_at: nowForDb()
			})
			.execute();
	}
}

async function upcomingEvents(db: Db, agent: Actor) {
	const day = 24 * 3600 * 1000;
	const at = (days: number, hour: number) =>
		new Date(Math.floor(Date.now() / day) * day + days * day + (hour - 1) * 3600 * 1000);
	const site = async (commune: string) =>
		(
			await db
				.selectFrom('site')
				.innerJoin('commune', 'commune.insee_code', 'site.commune_insee_code')
				.select('site.id')
				.where('commune.name', '=', commune)
				.executeTakeFirst()
		)?.id;
	const workshops: (EventCommand & { registered: number; waiting: number })[] = [
		{
			...blankEvent({
				title: 'Atelier : se déplacer pour ses rendez-vous',
				slug: 'atelier-mobilite-vendome',
				kind: 'atelier',
				description:
					'Un atelier pour parler des trajets vers les services : bus, transport à la demande, covoiturage solidaire. Vos idées nourriront la fiche-action sur la mobilité.',
				siteId: (await site('Vendôme')) ?? null,
				placeName: 'Maison départementale des solidarités',
				accessDirections: 'Bus ligne 2, arrêt Mairie. Parking devant le bâtiment.',
				startsAt: at(12, 14),
				endsAt: at(12, 16),
				capacity: 12,
				accessibility: ['plain-pied', 'falc'],
				support: ['transport', 'garde'],
				ficheRefs: ['AUT-27']
			}),
			registered: 12,
			waiting: 3
		},
		{
			...blankEvent({
				title: 'Atelier numérique : faire ses démarches en ligne',
				slug: 'atelier-numerique-romorantin',
				kind: 'atelier',
				description: 'Dites-nous ce qui vous bloque sur internet et ce qui vous aiderait.',
				siteId: (await site('Romorantin-Lanthenay')) ?? null,
				placeName: 'Maison départementale des solidarités',
				startsAt: at(19, 10),
				endsAt: at(19, 12),
				capacity: 15,
				accessibility: ['plain-pied'],
				support: ['transport'],
				ficheRefs: ['NUM-02']
			}),
			registered: 6,
			waiting: 0
		},
		{
			...blankEvent({
				title: 'Université sociale territoriale du nord',
				slug: 'universite-sociale-nord-2027',
				kind: 'universite-sociale',
				description:
					'Professionnels, partenaires, élus et habitants réunis pour la journée annuelle du territoire nord : tables rondes, stands et ateliers.',
				placeName: 'Salle des fêtes',
				communeCode: await communeCode(db, 'Montoire-sur-le-Loir'),
				startsAt: at(45, 9),
				endsAt: at(45, 17),
				capacity: 150,
				accessibility: ['plain-pied', 'boucle', 'lsf'],
				support: ['transport', 'repas']
			}),
			registered: 38,
			waiting: 0
		}
	];
	let offset = 0;
	for (const workshop of workshops) {
		const id = await createEvent(db, agent, workshop);
		await publishEvent(db, agent, id);
		if (workshop.kind === 'universite-sociale') await programme(db, agent, id, workshop.startsAt);
		await register(db, id, workshop.registered, 'inscrit', offset);
		offset += workshop.registered;
		await register(db, id, workshop.waiting, 'attente', offset);
		offset += workshop.waiting;
		if (workshop.kind === 'universite-sociale') await fillWorkshop(db, id);
	}
}

async function programme(db: Db, agent: Actor, eventId: number, startsAt: Date) {
	const day = parisDay(startsAt);
	const items = [
		['pleniere', 'Accueil et ouverture par les élus', '09:00', '09:45', 'Grande salle', ''],
		[
			'table-ronde',
			'Table ronde : vieillir chez soi dans le Perche',
			'09:45',
			'11:00',
			'Grande salle',
			''
		],
		['atelier', 'Se déplacer sans voiture', '11:15', '12:30', 'Salle 1', '6'],
		[
			'atelier',
			'Le numérique qui aide, le numérique qui exclut',
			'11:15',
			'12:30',
			'Salle 2',
			'25'
		],
		['atelier', 'Aider un proche et tenir', '14:00', '15:30', 'Salle 1', '25'],
		['stand', 'Stands des partenaires : CAF, CPAM, France Services', '14:00', '16:30', 'Hall', '']
	];
	for (const [kind, title, from, to, room, capacity] of items)
		await addProgrammeItem(db, agent, eventId, {
			kind,
			title,
			startsAt: parisLocalToDate(`${day}T${from}`)!,
			endsAt: parisLocalToDate(`${day}T${to}`)!,
			room,
			capacity: wholeNumber(capacity)
		});
}

/** The first workshop of the université sociale is full: its places were chosen. */
async function fillWorkshop(db: Db, eventId: number) {
	const [first] = await db
		.selectFrom('programme_item')
		.select(['id', 'capacity'])
		.where('event_id', '=', eventId)
		.where('kind', '=', 'atelier')
		.orderBy('starts_at')
		.orderBy('id')
		.execute();
	const registrations = await db
		.selectFrom('registration')
		.select('id')
		.where('event_id', '=', eventId)
		.where('status', '=', 'inscrit')
		.limit(first.capacity ?? 0)
		.execute();
	if (registrations.length)
		await db
			.insertInto('registration_choice')
			.values(registrations.map((r) => ({ registration_id: r.id, programme_item_id: first.id })))
			.execute();
}

export async function seedDemoEvents(db: Db, admin: Actor, agent: Actor): Promise<void> {
	const any = await db.selectFrom('event').select('id').limit(1).executeTakeFirst();
	if (any) return;
	await pastEvents(db, admin);
	await upcomingEvents(db, agent);
}
