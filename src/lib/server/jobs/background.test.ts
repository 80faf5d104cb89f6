import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDay } from '$lib/paris-time';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { createSharedTestDatabase, createTestContext, createTestUser } from '../testing';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { loadReferenceData } from '../reference/seed';
import { importSchemaUnchecked } from '../fiches/import';
import { BUNDLED_SCHEMA } from '../fiches/sources';
import { createEvent, publishEvent } from '../events/manage';
import { getEventById } from '../events/queries';
import { eventCommand } from '../events/testing';
import { registerForEvent } from '../events/registration';
import { registerPersonByOfficer, updatePersonStatus } from '../panel/registry';
import { createConsultation } from '../consultations/builder';
import { consultationInput } from '../consultations/testing';
import { createRetour, publishRetour } from '../retours/manage';
import { requestRetour, startRetourSending } from '../retours/delivery';
import { leaveMessageOnFiche } from '../contributions/traceability';
import { decide } from '../contributions/links';
import { createLogger } from '../log';
import { runBackgroundJobs } from './background';
import { releaseLease, takeLease } from './lease';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const quiet = createLogger('text', () => {});
const perHour = 1000;

/** Something due for every job: reminders, mandate renewals, digests, retours, retention. */
async function dueWork(db: Db, agent: Actor) {
	const ctx = createTestContext(db, { origin: ORIGIN, submissionsPerHour: perHour });
	const startsAt = new Date(Date.now() + 24 * 3600 * 1000);
	const eventId = await createEvent(
		db,
		agent,
		eventCommand({ capacity: null, startsAt, endsAt: new Date(startsAt.getTime() + 7200_000) })
	);
	await publishEvent(db, agent, eventId);
	const event = await getEventById(db, eventId);
	for (let i = 0; i < 6; i++)
		await registerForEvent(
			ctx,
			event,
			{
				name: `Invitée ${i}`,
				email: `rappel${i}@exemple.fr`,
				phone: '',
				postalAddress: '',
				needs: [],
				needsDetail: '',
				workshops: [],
				wantsRetour: false,
				consent: true
			},
			'198.51.100.1'
		);
	const mandateEnd = parisDay(new Date(Date.now() + 10 * 86400_000));
	for (let i = 0; i < 4; i++) {
		const id = await registerPersonByOfficer(db, agent, {
			firstName: `Mandat${i}`,
			lastName: 'Panel',
			email: `mandat${i}@exemple.fr`,
			phone: '',
			postalAddress: '',
			communeCode: '41018',
			ageBand: '40-59',
			gender: '',
			situations: [],
			situationConsent: false,
			availability: [],
			needs: [],
			needsDetail: '',
			source: 'terrain',
			consent: true
		});
		await updatePersonStatus(db, agent, id, {
			status: 'actif',
			mandateStart: '2026-01-01',
			mandateEnd
		});
	}
	const consultation = await createConsultation(db, agent, consultationInput());
	for (let i = 0; i < 5; i++)
		await requestRetour(
			ctx,
			consultation,
			{
				name: `Lectrice ${i}`,
				email: `retour${i}@exemple.fr`,
				postalAddress: '',
				falc: false,
				notify: false,
				consent: true
			},
			{ clientAddress: '198.51.100.2' }
		);
	const retour = await createRetour(db, agent, {
		title: 'Ce que nous avons retenu',
		slug: 'retenu',
		body: 'Le texte du retour.',
		falcBody: '',
		consultationId: consultation,
		eventIds: []
	});
	await publishRetour(db, agent, retour);
	await startRetourSending(db, agent, retour);
	await importSchemaUnchecked(db, null, BUNDLED_SCHEMA);
	for (const email of ['suivi0@exemple.fr', 'suivi1@exemple.fr'])
		await leaveMessageOnFiche(
			ctx,
			null,
			'NUM-05',
			{ text: 'Mettre les horaires en ligne.', name: '', email, contactConsent: true },
			'198.51.100.3'
		);
	const links = await db.selectFrom('contribution_link').select('id').execute();
	for (const link of links)
		await decide(db, agent, link.id, { decision: 'prise_en_compte', explanation: 'Au printemps.' });
}

async function receivedSettled(expected: number) {
	const deadline = Date.now() + 15_000;
	while (smtp.received.length < expected && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 50));
	// A little longer: a duplicate would arrive now.
	await new Promise((resolve) => setTimeout(resolve, 500));
	return smtp.received.map((m) => m.to).sort();
}

describe('background jobs on two instances', () => {
	it('sends every due e-mail exactly once when two instances run the jobs at once on one database', async () => {
		const [first, second] = await createSharedTestDatabase();
		await loadReferenceData(first);
		const agent = (await createTestUser(first, 'agent')).actor;
		await dueWork(first, agent);
		const instance = (db: Db) =>
			createTestContext(db, {
				mailer: createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' }),
				origin: ORIGIN
			});
		const reports = await Promise.all([
			runBackgroundJobs(instance(first), quiet),
			runBackgroundJobs(instance(second), quiet)
		]);
		expect(reports.flatMap((r) => r.failed)).toEqual([]);
		const expected = [
			...Array.from({ length: 6 }, (_, i) => `rappel${i}@exemple.fr`),
			...Array.from({ length: 4 }, (_, i) => `mandat${i}@exemple.fr`),
			...Array.from({ length: 5 }, (_, i) => `retour${i}@exemple.fr`),
			'suivi0@exemple.fr',
			'suivi1@exemple.fr'
		].sort();
		const received = await receivedSettled(expected.length);
		// Should one be missing, the outbox says whether it was sent, failed or never written.
		const outbox = await first
			.selectFrom('mail_message')
			.select(['to_address', 'purpose', 'status', 'error'])
			.execute();
		expect(received, JSON.stringify({ reports, outbox })).toEqual(expected);
		// Each report counts what its instance sent: together, everything once.
		const total = (key: 'eventReminders' | 'mandateReminders' | 'digests' | 'retours') =>
			reports[0][key] + reports[1][key];
		expect([
			total('eventReminders'),
			total('mandateReminders'),
			total('retours'),
			total('digests')
		]).toEqual([6, 4, 5, 2]);
		// The daily retention run ran on one instance only.
		expect(await first.selectFrom('retention_run').select('id').execute()).toHaveLength(1);
		expect(reports.filter((r) => r.retention !== null)).toHaveLength(1);

		// Nothing is due any more, on either instance.
		await Promise.all([
			runBackgroundJobs(instance(first), quiet),
			runBackgroundJobs(instance(second), quiet)
		]);
		expect(await receivedSettled(expected.length)).toHaveLength(expected.length);
	});

	it('gives a lease to one instance at a time, and back when it expires', async () => {
		const [db] = await createSharedTestDatabase();
		const now = new Date('2026-12-03T10:00:00Z');
		const asks = await Promise.all(
			['a', 'b', 'c'].map((holder) => takeLease(db, 'essai', { seconds: 60, now, holder }))
		);
		expect(asks.filter(Boolean)).toHaveLength(1);
		const later = new Date(now.getTime() + 61_000);
		expect(await takeLease(db, 'essai', { seconds: 60, now: later, holder: 'b' })).toBe(true);
		expect(await takeLease(db, 'essai', { seconds: 60, now: later, holder: 'c' })).toBe(false);
		await releaseLease(db, 'essai', 'b');
		expect(await takeLease(db, 'essai', { seconds: 60, now: later, holder: 'c' })).toBe(true);
	});
});
