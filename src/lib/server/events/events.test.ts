import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisLocalToDate } from '$lib/paris-time';
import ICAL from 'ical.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { ForbiddenError, InvalidInputError } from '../errors';
import {
	addEventKind,
	cancelEvent,
	createEvent,
	listEventsForOfficers,
	listRegistrations,
	markNeedsArranged,
	publishEvent,
	updateEvent
} from './manage';
import {
	cancelRegistration,
	changeRegistration,
	findRegistrationByToken,
	registerForEvent,
	type RegistrationInput
} from './registration';
import { getEventById } from './queries';
import { eventIcs } from './ical';
import type { EventCommand } from './schemas';
import { eventCommand } from './testing';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

function eventInput(overrides: Partial<EventCommand> = {}): EventCommand {
	const startsAt = overrides.startsAt ?? new Date(Date.now() + 20 * 24 * 3600 * 1000);
	return eventCommand({
		address: '1 place de la Mairie',
		communeCode: '41269',
		accessDirections: 'Bus ligne 3, arrêt Mairie.',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
		capacity: 2,
		accessibility: ['plain-pied'],
		support: ['transport'],
		...overrides
	});
}

function person(name: string, email: string, needs: RegistrationInput['needs'] = []) {
	return {
		name,
		email,
		phone: '',
		postalAddress: '',
		needs,
		needsDetail: '',
		workshops: [] as number[],
		wantsRetour: false,
		consent: true as const
	};
}

async function setUp() {
	const db = await createTestDatabase();
	await loadReferenceData(db);
	const agent = (await createTestUser(db, 'agent')).actor;
	const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
	const ctx = createTestContext(db, { mailer, origin: ORIGIN, submissionsPerHour: 100 });
	return { db, agent, mailer, ctx };
}

const options = { origin: ORIGIN, clientAddress: '1.2.3.4', perHour: 100 };

describe('registration', () => {
	it('fills the places, then the waiting list; a cancellation promotes the next person and tells them', async () => {
		const { db, agent, mailer, ctx } = await setUp();
		const id = await createEvent(db, agent, eventInput());
		await expect(
			registerForEvent(
				ctx,
				await getEventById(db, id),
				person('Ana', 'ana@exemple.fr'),
				options.clientAddress
			)
		).rejects.toThrow(/fermées/);
		await publishEvent(db, agent, id);

		const register = async (name: string, email: string, needs: RegistrationInput['needs'] = []) =>
			registerForEvent(
				ctx,
				await getEventById(db, id),
				person(name, email, needs),
				options.clientAddress
			);
		const ana = await register('Ana', 'ana@exemple.fr', ['transport']);
		const bob = await register('Bob', 'bob@exemple.fr', ['garde', 'transport']);
		const chloe = await register('Chloé', 'chloe@exemple.fr');
		expect([ana.status, bob.status, chloe.status]).toEqual(['inscrit', 'inscrit', 'attente']);
		// The page shows no code or link when they go by mail.
		expect([ana.receiptCode, ana.cancelToken]).toEqual([null, null]);
		const confirmation = await smtp.waitForMail('ana@exemple.fr');
		expect(confirmation.subject).toBe('Inscription confirmée : Atelier mobilité');
		expect(confirmation.text).toMatch(/Votre code de suivi : [A-Z0-9]{4}-[A-Z0-9]{4}/);
		// Greeted by name; her need acknowledged, with who calls back; a number to call.
		expect(confirmation.text).toMatch(/^Bonjour Ana,/);
		expect(confirmation.text).toContain(
			'Vous nous avez dit avoir besoin de : un transport pour venir. Le service participation vous appelle avant l’événement'
		);
		expect(confirmation.text).toMatch(/Téléphone : 02 54 58 41 41/);
		expect(ana.needs).toEqual(['un transport pour venir']);
		expect(chloe.waitingPosition).toBe(1);
		const david = await register('David', 'david@exemple.fr');
		expect(david).toMatchObject({ status: 'attente', waitingPosition: 2 });
		expect((await smtp.waitForMail('david@exemple.fr')).text).toContain(
			'Vous êtes la 2e personne sur la liste d’attente.'
		);
		// The same address again: the same answer as a new registration, and a message to its owner.
		const again = await register('Quelqu’un', 'ana@exemple.fr');
		expect(again).toEqual({
			status: 'inscrit',
			waitingPosition: null,
			needs: [],
			receiptCode: null,
			cancelToken: null,
			mailed: true
		});
		const notice = await smtp.waitForMail('ana@exemple.fr', 10_000, /déjà inscrit/);
		expect(notice.text).toContain(`${ORIGIN}/inscriptions/`);
		expect(confirmation.attachments.map((a) => a.filename)).toEqual(['evenement.ics']);
		expect((await smtp.waitForMail('chloe@exemple.fr')).subject).toMatch(/^Liste d’attente/);

		const { needs } = await listRegistrations(db, agent, id);
		expect(needs.find((n) => n.code === 'transport')!.count).toBe(2);

		const bobMail = await smtp.waitForMail('bob@exemple.fr');
		const bobToken = /\/inscriptions\/([a-z2-7]{32})/.exec(bobMail.text)![1];
		expect(bob.cancelToken).toBeNull();
		const outcome = await cancelRegistration(
			createTestContext(db, { mailer, origin: ORIGIN }),
			bobToken
		);
		expect(outcome.promoted).toBe(1);
		const promoted = await smtp.waitForMail('chloe@exemple.fr', 10_000, /Une place s’est libérée/);
		expect(promoted.text).toContain(`${ORIGIN}/inscriptions/`);
		const { rows } = await listRegistrations(db, agent, id);
		expect(rows.map((r) => [r.name, r.status])).toEqual([
			['Ana', 'inscrit'],
			['Bob', 'annule'],
			['Chloé', 'inscrit'],
			['David', 'attente']
		]);
		// The same link a second time changes nothing.
		expect(
			(await cancelRegistration(createTestContext(db, { mailer, origin: ORIGIN }), bobToken))
				.promoted
		).toBe(0);
		const cancelled = await smtp.waitForMail('bob@exemple.fr', 10_000, /^Inscription annulée/);
		expect(cancelled.text).toMatch(/^Bonjour Bob,/);

		// Ana changes her needs and phone with her own link; a cancelled registration cannot.
		const anaToken = /\/inscriptions\/([a-z2-7]{32})/.exec(notice.text)![1];
		// An officer arranges her transport; changing her needs puts them back to arrange.
		const anaRow = (await listRegistrations(db, agent, id)).rows.find((r) => r.name === 'Ana')!;
		await expect(markNeedsArranged(db, null, id, anaRow.id, true)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(markNeedsArranged(db, agent, id + 1000, anaRow.id, true)).rejects.toThrow(
			/introuvable/
		);
		await markNeedsArranged(db, agent, id, anaRow.id, true);
		const arranged = (await listRegistrations(db, agent, id)).rows.find((r) => r.id === anaRow.id)!;
		expect(arranged.needsArrangedAt).not.toBeNull();
		expect(arranged.needsArrangedBy).toBe(agent.displayName);
		await changeRegistration(db, anaToken, {
			phone: '06 12 34 56 78',
			needs: ['garde', 'lsf'],
			needsDetail: 'Deux enfants de 3 et 6 ans.'
		});
		expect(
			(await listRegistrations(db, agent, id)).rows.find((r) => r.id === anaRow.id)!.needsArrangedAt
		).toBeNull();
		const changed = await findRegistrationByToken(db, anaToken);
		expect(changed).toMatchObject({
			phone: '06 12 34 56 78',
			needs: ['garde', 'lsf'],
			needsDetail: 'Deux enfants de 3 et 6 ans.'
		});
		await expect(
			changeRegistration(db, bobToken, { phone: '', needs: [], needsDetail: '' })
		).rejects.toThrow(/annulée/);
		await expect(
			changeRegistration(db, 'a'.repeat(32), { phone: '', needs: [], needsDetail: '' })
		).rejects.toThrow(/pas valable/);
	});

	it('lists drafts only to officers', async () => {
		const { db, agent } = await setUp();
		const id = await createEvent(db, agent, eventInput());
		expect((await listEventsForOfficers(db, agent)).map((e) => e.id)).toContain(id);
		const habitant = (await createTestUser(db, 'habitant')).actor;
		for (const actor of [null, habitant])
			await expect(listEventsForOfficers(db, actor)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('asks for a way to be reached and for consent', async () => {
		const { db, agent, ctx } = await setUp();
		const id = await createEvent(db, agent, eventInput({ capacity: null }));
		await publishEvent(db, agent, id);
		const { registrationSchema } = await import('./registration');
		const missing = registrationSchema.safeParse({ name: 'Dina', consent: true });
		expect(missing.success).toBe(false);
		expect(missing.error!.issues[0].message).toMatch(/au moins un moyen/);
		const noConsent = registrationSchema.safeParse({ name: 'Dina', phone: '02 54 00 00 00' });
		expect(noConsent.error!.issues[0].message).toMatch(/Cochez la case/);
		const byPhone = await registerForEvent(
			ctx,
			await getEventById(db, id),
			registrationSchema.parse({ name: 'Dina', phone: '02 54 00 00 00', consent: true }),
			options.clientAddress
		);
		expect(byPhone).toMatchObject({ status: 'inscrit', mailed: false });
	});
});

describe('officers', () => {
	it('tells the registered when the event moves or is cancelled, and only agents may do it', async () => {
		const { db, agent, mailer, ctx } = await setUp();
		const id = await createEvent(db, agent, eventInput({ capacity: 10 }));
		await publishEvent(db, agent, id);
		await registerForEvent(
			ctx,
			await getEventById(db, id),
			person('Eva', 'eva@exemple.fr'),
			options.clientAddress
		);
		const later = eventInput({
			startsAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
			endsAt: new Date(Date.now() + 30 * 24 * 3600 * 1000 + 3600 * 1000)
		});
		expect(
			(await updateEvent(createTestContext(db, { mailer, origin: ORIGIN }), agent, id, later))
				.notified
		).toBe(1);
		expect((await smtp.waitForMail('eva@exemple.fr', 10_000, /^Changement/)).subject).toBe(
			'Changement : Atelier mobilité'
		);
		const habitant = (await createTestUser(db, 'habitant')).actor;
		await expect(
			cancelEvent(
				createTestContext(db, { mailer, origin: ORIGIN }),
				habitant,
				id,
				'Salle indisponible'
			)
		).rejects.toThrow(ForbiddenError);
		await expect(
			cancelEvent(createTestContext(db, { mailer, origin: ORIGIN }), agent, id, '')
		).rejects.toThrow(InvalidInputError);
		expect(
			(
				await cancelEvent(
					createTestContext(db, { mailer, origin: ORIGIN }),
					agent,
					id,
					'Salle indisponible'
				)
			).notified
		).toBe(1);
		const notice = await smtp.waitForMail('eva@exemple.fr', 10_000, /^Annulé/);
		expect(notice.text).toContain('Raison : Salle indisponible');
	});
});

describe('kinds', () => {
	it('lets officers add a kind of event, once', async () => {
		const { db, agent } = await setUp();
		expect(await addEventKind(db, agent, 'Café des aidants')).toBe('cafe-des-aidants');
		await expect(addEventKind(db, agent, 'Café des aidants')).rejects.toThrow(/existe déjà/);
		const id = await createEvent(db, agent, eventInput({ kind: 'cafe-des-aidants', slug: 'cafe' }));
		expect((await getEventById(db, id)).kindLabel).toBe('Café des aidants');
	});
});

describe('iCalendar', () => {
	it('parses, with the Paris times of the event', async () => {
		const { db, agent } = await setUp();
		const id = await createEvent(
			db,
			agent,
			eventInput({
				startsAt: parisLocalToDate('2027-01-22T14:00')!,
				endsAt: parisLocalToDate('2027-01-22T17:30')!
			})
		);
		const ics = eventIcs(await getEventById(db, id), ORIGIN);
		const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
		const event = new ICAL.Event(vevent);
		expect(event.summary).toBe('Atelier mobilité');
		expect(event.location).toBe('Salle des fêtes, 1 place de la Mairie, Vendôme');
		const paris = (date: Date) =>
			new Intl.DateTimeFormat('fr-FR', {
				timeZone: 'Europe/Paris',
				dateStyle: 'short',
				timeStyle: 'short'
			}).format(date);
		expect(paris(event.startDate.toJSDate())).toBe('22/01/2027 14:00');
		expect(paris(event.endDate.toJSDate())).toBe('22/01/2027 17:30');
	});

	it('gives a maison des solidarités’ address, from the reference data, as its location', async () => {
		const { db, agent } = await setUp();
		const mer = await db
			.selectFrom('site')
			.select('id')
			.where('name', 'like', '%de Mer')
			.executeTakeFirstOrThrow();
		const id = await createEvent(
			db,
			agent,
			eventInput({ siteId: mer.id, placeName: '', address: '', communeCode: '41136' })
		);
		const event = await getEventById(db, id);
		expect(event.place.address).toBe('5 avenue Maunoury, 41500 Mer');
		const vevent = new ICAL.Component(ICAL.parse(eventIcs(event, ORIGIN))).getFirstSubcomponent(
			'vevent'
		)!;
		expect(new ICAL.Event(vevent).location).toContain('5 avenue Maunoury, 41500 Mer');
	});
});
