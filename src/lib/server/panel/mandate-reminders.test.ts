import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDay } from '$lib/paris-time';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import type { Db } from '../db/database';
import type { Actor } from '../auth/permissions';
import { listPanel, registerPersonByOfficer, updatePersonStatus } from './registry';
import { signUpForPanel, renewOwnMandate } from './signup';
import { sendMandateReminders } from './mandate-reminders';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const DAY = 86400_000;
const isoDay = (offsetDays: number) => parisDay(new Date(Date.now() + offsetDays * DAY));

async function person(db: Db, agent: Actor, firstName: string, email: string, mandateEnd: string) {
	const id = await registerPersonByOfficer(db, agent, {
		firstName,
		lastName: 'Mandat',
		email,
		phone: email ? '' : '02 54 00 00 00',
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
	return id;
}

describe('mandate renewal reminders', () => {
	it('writes once, a month before the end, with a link that renews the mandate for a year', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const { actor: agent } = await createTestUser(db, 'agent');
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		const soon = isoDay(10);
		await person(db, agent, 'Bientôt', 'bientot@exemple.fr', soon);
		await person(db, agent, 'Tard', 'tard@exemple.fr', isoDay(90));
		await person(db, agent, 'Téléphone', '', isoDay(5));
		await signUpForPanel(
			createTestContext(db, { mailer, origin: ORIGIN, submissionsPerHour: 100 }),
			{
				firstName: 'Pasconfirmee',
				lastName: 'Mandat',
				email: 'pasconfirmee@exemple.fr',
				phone: '',
				postalAddress: '',
				communeCode: '41018',
				ageBand: '25-39',
				gender: '',
				situations: [],
				situationConsent: false,
				availability: [],
				needs: [],
				needsDetail: '',
				consent: true
			},
			'203.0.113.9'
		);
		await db
			.updateTable('person')
			.set({ status: 'actif', mandate_end: isoDay(3) })
			.where('email', '=', 'pasconfirmee@exemple.fr')
			.execute();

		expect(await sendMandateReminders(createTestContext(db, { mailer, origin: ORIGIN }))).toBe(1);
		expect(await sendMandateReminders(createTestContext(db, { mailer, origin: ORIGIN }))).toBe(0);
		const mail = await smtp.waitForMail('bientot@exemple.fr', 10_000, /terme/);
		expect(mail.text).toContain(soon.split('-').reverse().join('/'));
		const token = mail.text.match(/\/panel\/inscription\/(\w+)/)![1];
		expect(
			smtp.received.filter((m) => /tard@|pasconfirmee@/.test(m.to) && /terme/.test(m.subject))
		).toEqual([]);

		// The officers see who has no e-mail and must be called.
		const due = await listPanel(db, agent, { mandateDue: true });
		expect(due.people.map((p) => p.name).sort()).toEqual([
			'Bientôt Mandat',
			'Pasconfirmee Mandat',
			'Téléphone Mandat'
		]);

		const renewed = await renewOwnMandate(db, token);
		const next = new Date(soon);
		next.setUTCFullYear(next.getUTCFullYear() + 1);
		expect(renewed).toBe(next.toISOString().slice(0, 10));
		const row = await db
			.selectFrom('person')
			.select('renewal_reminded_at')
			.where('email', '=', 'bientot@exemple.fr')
			.executeTakeFirstOrThrow();
		expect(row.renewal_reminded_at).toBeNull();
		expect(await sendMandateReminders(createTestContext(db, { mailer, origin: ORIGIN }))).toBe(0);
		expect((await listPanel(db, agent, { mandateDue: true })).total).toBe(2);
	});
});
