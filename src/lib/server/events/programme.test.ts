import { describe, expect, it } from 'vitest';
import { parisLocalToDate } from '$lib/paris-time';
import { eventCommand } from './testing';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { createMailer } from '../mail/mailer';
import { ConflictError, InvalidInputError } from '../errors';
import { createEvent, publishEvent } from './manage';
import { getEventById } from './queries';
import { registerForEvent } from './registration';
import { addProgrammeItem, listProgramme, programmeItemSchema } from './programme';
import { addTourStop, listTourStops, tourStopSchema } from './tours';
import { enterResponse } from '../consultations/entry';
import { buildSampleConsultation, formOf } from '../consultations/testing';
import { fieldName } from '../consultations/answers';

async function setUp() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	const agent = (await createTestUser(db, 'agent')).actor;
	const mailer = createMailer({ smtpUrl: null, from: 'Concerto <concerto@exemple.fr>' });
	const id = await createEvent(
		db,
		agent,
		eventCommand({
			title: 'Université sociale du sud',
			slug: 'us-sud',
			kind: 'universite-sociale',
			placeName: 'Collège Maurice-Genevoix',
			communeCode: '41194',
			startsAt: parisLocalToDate('2030-01-22T09:00')!,
			endsAt: parisLocalToDate('2030-01-22T17:00')!
		})
	);
	await publishEvent(db, agent, id);
	return { db, agent, mailer, id };
}

describe('programme', () => {
	it('lets participants choose workshops within their capacity, never two at once', async () => {
		const { db, agent, mailer, id } = await setUp();
		const item = (title: string, from: string, to: string, capacity = '') =>
			addProgrammeItem(
				db,
				agent,
				id,
				programmeItemSchema.parse({
					kind: 'atelier',
					title,
					startsAt: `2030-01-22T${from}`,
					endsAt: `2030-01-22T${to}`,
					room: 'Salle 1',
					capacity
				})
			);
		await item('Mobilité', '14:00', '15:30', '1');
		await item('Numérique', '14:00', '15:30');
		await item('Logement', '16:00', '17:00');
		await expect(item('Trop tard', '17:00', '18:00')).rejects.toThrow(/pendant l’événement/);
		const [mobilite, numerique, logement] = await listProgramme(db, id);
		const register = async (name: string, workshops: number[]) =>
			registerForEvent(
				createTestContext(db, { mailer, origin: 'https://x.fr', submissionsPerHour: 100 }),
				await getEventById(db, id),
				{
					name,
					email: '',
					phone: '02 54 00 00 00',
					postalAddress: '',
					needs: [],
					needsDetail: '',
					workshops,
					wantsRetour: false,
					consent: true
				},
				'a'
			);
		await expect(register('Double', [mobilite.id, numerique.id])).rejects.toThrow(
			InvalidInputError
		);
		await register('Première', [mobilite.id, logement.id]);
		await expect(register('Seconde', [mobilite.id])).rejects.toThrow(ConflictError);
		await register('Seconde', [numerique.id]);
		expect((await listProgramme(db, id)).map((p) => [p.title, p.chosen])).toEqual([
			['Mobilité', 1],
			['Numérique', 1],
			['Logement', 1]
		]);
		// A refused registration leaves nothing behind.
		expect(await db.selectFrom('registration').select('name').execute()).toHaveLength(2);
	});
});

describe('field tours', () => {
	it('lists the stops and ties field interviews to their stop', async () => {
		const { db, agent, id } = await setUp();
		await addTourStop(db, agent, id, {
			day: '2030-01-10',
			halfDay: 'matin',
			communeCode: '41269',
			place: 'Marché place Saint-Martin',
			agents: 'Karim, Sophie'
		});
		const wrongDay = tourStopSchema.safeParse({
			day: '2030-13-01',
			halfDay: 'matin',
			communeCode: '41269',
			place: 'x y',
			agents: ''
		});
		expect(wrongDay.error?.issues.map((i) => i.message)).toEqual(['Indiquez le jour de l’étape.']);
		await expect(
			addTourStop(db, agent, id, {
				day: '2030-01-11',
				halfDay: 'matin',
				communeCode: '99999',
				place: 'Marché',
				agents: ''
			})
		).rejects.toThrow(/commune/);
		const [stop] = await listTourStops(db, id);
		expect(stop).toMatchObject({ communeName: 'Vendôme', halfDayLabel: 'Matinée', interviews: 0 });

		const sample = await buildSampleConsultation(db, agent);
		const q1 = sample.questionnaire.sections[0].questions[0];
		const outcome = await enterResponse(
			db,
			agent,
			sample.consultation,
			sample.questionnaire,
			formOf({
				channel: 'terrain',
				submissionKey: 'tourneetournee0001',
				interviewPlace: stop.place,
				interviewCommune: stop.communeCode,
				interviewDate: stop.day,
				tourStopId: String(stop.id),
				[fieldName(q1)]: String(q1.options[0].id)
			}),
			new Set(['41269'])
		);
		expect(outcome.ok).toBe(true);
		expect((await listTourStops(db, id))[0].interviews).toBe(1);
	});
});
