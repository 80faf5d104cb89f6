import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/database';
import { createTestUser, TEST_PASSWORD, createTestContext } from '../testing';
import { createDemoTestDatabase } from '../demo/testing';
import { createMailer, type Mailer } from '../mail/mailer';
import { signUpForPanel } from '../panel/signup';
import { registerForEvent } from '../events/registration';
import { getEventById } from '../events/queries';
import { requestRetour } from '../retours/delivery';
import { leaveMessageOnFiche } from '../contributions/traceability';
import { deleteOwnAccount } from '../users/account';
import { ForbiddenError, NotFoundError } from '../errors';
import {
	confirmedRequest,
	correctPerson,
	eraseByRequest,
	erasePerson,
	findPerson,
	ownData,
	requestByEmail
} from './rights';

const ORIGIN = 'https://participation.exemple.fr';
const limits = { origin: ORIGIN, clientAddress: '198.51.100.9', perHour: 1000 };
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

/** Every table and row where a string still appears, whatever the column. */
async function whereItAppears(db: Db, needle: string): Promise<string[]> {
	const tables = await db.introspection.getTables();
	const found: string[] = [];
	for (const { name } of tables) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
		for (const row of rows.rows)
			if (JSON.stringify(row).toLowerCase().includes(needle.toLowerCase()))
				found.push(`${name}: ${JSON.stringify(row).slice(0, 160)}`);
	}
	return found;
}

/** Awa leaves traces everywhere a resident can, with one e-mail address. */
async function residentEverywhere(db: Db, mailer: Mailer, email: string) {
	await signUpForPanel(
		createTestContext(db, { mailer, origin: limits.origin, submissionsPerHour: limits.perHour }),
		{
			firstName: 'Awa',
			lastName: 'Ndiaye-Lefort',
			email,
			phone: '06 12 34 56 78',
			postalAddress: '7 impasse des Tilleuls-Bleus, 41100 Vendôme',
			communeCode: '41269',
			ageBand: '25-39',
			gender: 'Femme',
			situations: ['rsa'],
			situationConsent: true,
			availability: ['samedi'],
			needs: ['garde'],
			needsDetail: 'Deux enfants de 3 et 6 ans',
			consent: true
		},
		limits.clientAddress
	);
	const now = new Date().toISOString();
	const event = await db
		.selectFrom('event')
		.select('id')
		.where('status', '=', 'publie')
		.where('starts_at', '>', now)
		.where('group_id', 'is', null)
		.where((eb) =>
			eb.or([eb('registration_closes_at', 'is', null), eb('registration_closes_at', '>', now)])
		)
		.orderBy('starts_at')
		.executeTakeFirstOrThrow();
	await registerForEvent(
		createTestContext(db, { mailer, origin: limits.origin, submissionsPerHour: limits.perHour }),
		await getEventById(db, event.id),
		{
			name: 'Awa Ndiaye-Lefort',
			email,
			phone: '',
			postalAddress: '',
			needs: ['garde'],
			needsDetail: 'Deux enfants',
			workshops: [],
			wantsRetour: false,
			consent: true
		},
		limits.clientAddress
	);
	const consultation = await db
		.selectFrom('consultation')
		.select('id')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	await requestRetour(
		{ db, submissionsPerHour: limits.perHour },
		consultation.id,
		{
			name: 'Awa Ndiaye-Lefort',
			email,
			postalAddress: '',
			falc: true,
			notify: false,
			consent: true
		},
		limits
	);
	await leaveMessageOnFiche(
		{ db, submissionsPerHour: limits.perHour },
		null,
		'AUT-27',
		{
			text: 'Il manque une halte-garderie le samedi.',
			name: 'Awa Ndiaye-Lefort',
			email,
			contactConsent: true
		},
		limits.clientAddress
	);
	return event.id;
}

async function demo(): Promise<Db> {
	const db = await createDemoTestDatabase();
	return db;
}

const registrationsOf = (db: Db, eventId: number) =>
	db
		.selectFrom('registration')
		.select(['status', sql<number>`count(*)`.as('n')])
		.where('event_id', '=', eventId)
		.groupBy('status')
		.execute();

describe('people’s rights', () => {
	it('finds a person by e-mail in every table, corrects and erases them in the back-office, leaving only anonymous figures', async () => {
		const db = await demo();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'concerto@exemple.fr' });
		const admin = (await createTestUser(db, 'admin')).actor;
		const agent = (await createTestUser(db, 'agent')).actor;
		const eventId = await residentEverywhere(db, mailer, 'awa.nl@exemple.fr');

		await expect(findPerson(db, agent, { email: 'awa.nl@exemple.fr' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const { report, total } = await findPerson(db, admin, { email: 'AWA.NL@exemple.fr' });
		const counts = Object.fromEntries(report.sections.map((s) => [s.key, s.items.length]));
		expect(counts).toMatchObject({
			people: 1,
			registrations: 1,
			retourRequests: 1,
			contributions: 1,
			subscriptions: 1
		});
		expect(counts.mails).toBeGreaterThan(0);
		expect(total).toBeGreaterThan(5);
		const byPhone = await findPerson(db, admin, { phone: '+33 6 12 34 56 78' });
		expect(byPhone.report.sections.find((s) => s.key === 'people')!.items).toHaveLength(1);
		const byName = await findPerson(db, admin, { name: 'awa ndiaye lefort' });
		expect(byName.report.sections.find((s) => s.key === 'registrations')!.items).toHaveLength(1);

		await expect(
			correctPerson(
				db,
				admin,
				{ email: 'awa.nl@exemple.fr' },
				{ field: 'phone', value: 'pas un numéro' }
			)
		).rejects.toThrow(/téléphone valide/);
		expect(
			await correctPerson(
				db,
				admin,
				{ email: 'awa.nl@exemple.fr' },
				{ field: 'phone', value: '06 99 88 77 66' }
			)
		).toBe(1);
		expect(
			(await findPerson(db, admin, { phone: '0699887766' })).report.sections.find(
				(s) => s.key === 'people'
			)!.items
		).toHaveLength(1);

		const before = await registrationsOf(db, eventId);
		const placesBefore = before.find((r) => r.status === 'inscrit')!.n;
		const receipt = await erasePerson(
			createTestContext(db, { mailer, origin: ORIGIN }),
			admin,
			{ email: 'awa.nl@exemple.fr' },
			{ withTexts: false }
		);
		expect(receipt.counts).toMatchObject({
			people: 1,
			registrations: 1,
			retourRequests: 1,
			contributions: 1
		});
		for (const trace of [
			'awa.nl@exemple.fr',
			'Ndiaye',
			'06 99 88 77 66',
			'Tilleuls-Bleus',
			'Deux enfants'
		])
			expect(await whereItAppears(db, trace), trace).toEqual([]);
		// Her place is freed (cancelled, counted), the message stays, anonymous.
		const after = await registrationsOf(db, eventId);
		expect(after.reduce((s, r) => s + Number(r.n), 0)).toBe(
			before.reduce((s, r) => s + Number(r.n), 0)
		);
		expect(after.find((r) => r.status === 'annule')?.n ?? 0).toBeGreaterThanOrEqual(1);
		expect(Number(after.find((r) => r.status === 'inscrit')?.n ?? 0)).toBeLessThanOrEqual(
			Number(placesBefore)
		);
		expect(await whereItAppears(db, 'halte-garderie le samedi')).toHaveLength(1);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'after'])
			.where('action', '=', 'privacy.erased')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('lets a signed-in resident see and delete everything linked to their account alone', async () => {
		const db = await demo();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'concerto@exemple.fr' });
		const { actor } = await createTestUser(db, 'habitant', { email: 'moi@exemple.fr' });
		await residentEverywhere(db, mailer, 'moi@exemple.fr');
		const mine = await ownData(db, actor);
		const keys = mine.report.sections.filter((s) => s.items.length).map((s) => s.key);
		expect(keys).toEqual(
			expect.arrayContaining([
				'users',
				'people',
				'registrations',
				'retourRequests',
				'contributions'
			])
		);
		await expect(ownData(db, null)).rejects.toBeInstanceOf(ForbiddenError);

		await deleteOwnAccount(
			createTestContext(db, { mailer, origin: ORIGIN }),
			actor,
			TEST_PASSWORD,
			'198.51.100.10',
			{
				withTexts: true
			}
		);
		for (const trace of ['moi@exemple.fr', 'Ndiaye', 'halte-garderie le samedi'])
			expect(await whereItAppears(db, trace), trace).toEqual([]);
	});

	it('serves a person without an account once a mailed link proves their address', async () => {
		const db = await demo();
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'concerto@exemple.fr' });
		await residentEverywhere(db, mailer, 'sans.compte@exemple.fr');
		await requestByEmail(
			createTestContext(db, { mailer, origin: limits.origin, submissionsPerHour: limits.perHour }),
			'Sans.Compte@exemple.fr',
			limits.clientAddress
		);
		const mail = await smtp.waitForMail('Sans.Compte@exemple.fr', 10_000, /confirmez/i);
		const token = mail.text.match(/\/donnees-personnelles\/demande\/(\w+)/)![1];
		await expect(confirmedRequest(db, 'inconnu')).rejects.toBeInstanceOf(NotFoundError);

		const seen = await confirmedRequest(db, token);
		expect(seen.email).toBe('sans.compte@exemple.fr');
		expect(seen.report.sections.find((s) => s.key === 'people')!.items).toHaveLength(1);
		const receipt = await eraseByRequest(createTestContext(db, { mailer, origin: ORIGIN }), token, {
			withTexts: false
		});
		expect(receipt.counts.registrations).toBe(1);
		await expect(
			eraseByRequest(createTestContext(db), token, { withTexts: false })
		).rejects.toThrow(/déjà été effacées/);
		const again = await confirmedRequest(db, token);
		expect(again.total).toBe(0);
		expect(again.erasedAt).not.toBeNull();
		// Only the request itself remains, to prove it was answered.
		expect(
			(await whereItAppears(db, 'sans.compte@exemple.fr')).map((row) => row.split(':')[0])
		).toEqual(['privacy_request']);
	});
});
