import { describe, expect, it } from 'vitest';
import { eventCommand } from './testing';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { createMailer } from '../mail/mailer';
import { InvalidInputError } from '../errors';
import { createEvent, publishEvent } from './manage';
import { getEventById } from './queries';
import { registerForEvent } from './registration';
import {
	addEventContribution,
	addWalkIn,
	attendanceSheet,
	checkIn,
	closeAttendance,
	saveMinutes
} from './attendance';
import { sendEventReminders } from './reminders';

async function setUp(startsInHours: number) {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	const agent = (await createTestUser(db, 'agent')).actor;
	const mailer = createMailer({ smtpUrl: null, from: 'Concerto <concerto@exemple.fr>' });
	const start = new Date(Date.now() + startsInHours * 3600 * 1000);
	const id = await createEvent(
		db,
		agent,
		eventCommand({
			title: 'Université sociale du centre',
			slug: 'us-centre',
			kind: 'universite-sociale',
			placeName: 'Collège des Provinces',
			startsAt: start,
			endsAt: new Date(start.getTime() + 6 * 3600 * 1000)
		})
	);
	await publishEvent(db, agent, id);
	const register = async (name: string, email: string) =>
		registerForEvent(
			createTestContext(db, { mailer, origin: 'https://x.fr', submissionsPerHour: 100 }),
			await getEventById(db, id),
			{
				name,
				email,
				phone: '',
				postalAddress: '',
				needs: [],
				needsDetail: '',
				workshops: [],
				wantsRetour: false,
				consent: true
			},
			'a'
		);
	return { db, agent, mailer, id, register };
}

describe('attendance', () => {
	it('ticks people in, adds walk-ins and counts by category', async () => {
		const { db, agent, id, register } = await setUp(1);
		await register('Yves Martin', 'yves@exemple.fr');
		await register('Zoé Hélène', 'zoe@exemple.fr');
		await register('Alain Absent', 'alain@exemple.fr');
		const { rows } = await attendanceSheet(db, agent, id, 'helene');
		expect(rows.map((r) => r.name)).toEqual(['Zoé Hélène']);
		await checkIn(db, agent, id, rows[0].id, 'habitant');
		const yves = (await attendanceSheet(db, agent, id, 'yves')).rows[0];
		await checkIn(db, agent, id, yves.id, 'professionnel');
		await addWalkIn(db, agent, id, 'Élu de passage', 'elu');
		await expect(addWalkIn(db, agent, id, 'X', 'habitant')).rejects.toThrow(InvalidInputError);
		await expect(checkIn(db, agent, id, yves.id, 'inconnu')).rejects.toThrow(/catégorie/);
		const { totals } = await attendanceSheet(db, agent, id);
		expect(totals).toEqual({
			present: 3,
			byCategory: { habitant: 1, professionnel: 1, partenaire: 0, elu: 1, non_precise: 0 }
		});
		expect(await closeAttendance(db, agent, id)).toBe(1);
		const after = await attendanceSheet(db, agent, id, 'alain');
		expect(after.rows[0].status).toBe('absent');
	});

	it('keeps notes as contributions of the event and publishes minutes', async () => {
		const { db, agent, id } = await setUp(1);
		await addEventContribution(
			db,
			agent,
			id,
			'« Il faudrait un bus le samedi », dit une habitante.'
		);
		const contribution = await db.selectFrom('contribution').selectAll().executeTakeFirstOrThrow();
		expect(contribution).toMatchObject({
			source: 'evenement',
			event_id: id,
			commune_insee_code: '41018'
		});
		expect(contribution.territory_id).not.toBeNull();
		await expect(saveMinutes(db, agent, id, '', true)).rejects.toThrow(InvalidInputError);
		await saveMinutes(db, agent, id, '## Ce qui a été dit', true);
		expect((await getEventById(db, id)).minutesPublishedAt).not.toBeNull();
	});
});

describe('reminders', () => {
	it('reminds each registered person once, two days before', async () => {
		const far = await setUp(24 * 5);
		await far.register('Loin', 'loin@exemple.fr');
		expect(
			await sendEventReminders(
				createTestContext(far.db, { mailer: far.mailer, origin: 'https://x.fr' })
			)
		).toBe(0);

		const near = await setUp(30);
		await near.register('Proche', 'proche@exemple.fr');
		expect(
			await sendEventReminders(
				createTestContext(near.db, { mailer: near.mailer, origin: 'https://x.fr' })
			)
		).toBe(1);
		expect(
			await sendEventReminders(
				createTestContext(near.db, { mailer: near.mailer, origin: 'https://x.fr' })
			)
		).toBe(0);
		const mail = await near.db
			.selectFrom('mail_message')
			.select(['subject', 'text_body'])
			.where('purpose', '=', 'event-reminder')
			.executeTakeFirstOrThrow();
		expect(mail.subject).toBe('Rappel : Université sociale du centre');
		expect(mail.text_body).toContain('https://x.fr/inscriptions/');
	});
});
