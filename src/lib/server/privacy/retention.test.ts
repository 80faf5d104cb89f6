import { describe, expect, it } from 'vitest';
import { parisDay } from '$lib/paris-time';
import { fixedClock, systemClock } from '../context';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { createTestDatabase, createTestUser } from '../testing';
import { createDemoTestDatabase } from '../demo/testing';
import { figuresOf, getPublishedRetour, listPublishedRetours } from '../retours/manage';
import { PURPOSES, cutoffBefore } from './purposes';
import { changeRetentionPeriods, chosenPeriodsSchema, getRetentionPeriods } from './periods';
import { runRetention, runRetentionIfDue, listRetentionRuns } from './retention';
import { SWEEPS, sweepContext } from './sweeps';
import { createMailer } from '../mail/mailer';
import { leaveMessageOnFiche } from '../contributions/traceability';
import { startResponse } from '../consultations/responding';
import { getConsultationById } from '../consultations/queries';

const DAY = 24 * 3600 * 1000;

/** The demo, plus what residents leave every day: a message with contact on a fiche, an unfinished answer. */
async function demoDatabase(): Promise<Db> {
	const db = await createDemoTestDatabase();
	const limits = { clientAddress: '198.51.100.7', perHour: 100 };
	await leaveMessageOnFiche(
		{ db, submissionsPerHour: limits.perHour },
		null,
		'AUT-27',
		{
			text: 'Le transport à la demande ne passe pas chez nous.',
			name: 'Awa Diallo',
			email: 'awa@exemple.fr',
			contactConsent: true
		},
		limits.clientAddress
	);
	await createMailer({ smtpUrl: null, from: 'concerto@exemple.fr' }).send(db, {
		to: 'awa@exemple.fr',
		subject: 'Votre message sur la fiche AUT-27',
		text: 'Bonjour Awa Diallo, nous avons bien reçu votre message.',
		purpose: 'fiche-message'
	});
	const now = new Date().toISOString();
	const open = await db
		.selectFrom('consultation')
		.select('id')
		.where('opens_at', '<=', now)
		.where('closes_at', '>', now)
		.where('published_at', 'is not', null)
		.where('closed_early_at', 'is', null)
		.executeTakeFirstOrThrow();
	await startResponse(
		{ db, submissionsPerHour: 100 },
		await getConsultationById(db, open.id),
		null,
		{ clientAddress: limits.clientAddress }
	);
	return db;
}

/** Figures that must read the same before and after any retention run. */
async function survivingFigures(db: Db) {
	const count = (table: 'registration' | 'answer' | 'contribution' | 'draw_candidate') =>
		db
			.selectFrom(table)
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n));
	const retours = await listPublishedRetours(db);
	return {
		registrations: await db
			.selectFrom('registration')
			.select([
				'event_id',
				'status',
				sql<number>`count(*)`.as('n'),
				sql<number>`sum(case when checked_in_at is not null then 1 else 0 end)`.as('present')
			])
			.groupBy(['event_id', 'status'])
			.orderBy('event_id')
			.orderBy('status')
			.execute(),
		submitted: await db
			.selectFrom('response')
			.select(['consultation_id', sql<number>`count(*)`.as('n')])
			.where('status', '=', 'envoyee')
			.groupBy('consultation_id')
			.execute(),
		optionCounts: await db
			.selectFrom('answer')
			.innerJoin('response', 'response.id', 'answer.response_id')
			.where('response.status', '=', 'envoyee')
			.select(['answer.option_id', sql<number>`count(*)`.as('n')])
			.groupBy('answer.option_id')
			.orderBy('answer.option_id')
			.execute(),
		answers: await count('answer'),
		contributions: await db
			.selectFrom('contribution')
			.select(['id', 'text'])
			.orderBy('id')
			.execute(),
		links: await db
			.selectFrom('contribution_link')
			.select(['id', 'decision'])
			.orderBy('id')
			.execute(),
		drawCandidates: await db
			.selectFrom('draw_candidate')
			.select(['draw_id', 'pseudonym', 'profile', 'selected'])
			.orderBy('draw_id')
			.orderBy('pseudonym')
			.execute(),
		retourFigures: await Promise.all(
			retours.map(async (r) => figuresOf(db, await getPublishedRetour(db, r.slug)))
		),
		totalRegistrations: await count('registration')
	};
}

/** Every personal datum the tables hold, to compare a dry run with what it announced. */
async function personalData(db: Db) {
	return {
		users: await db.selectFrom('user').select(['id', 'email']).orderBy('id').execute(),
		people: await db
			.selectFrom('person')
			.select(['id', 'email', 'situations'])
			.orderBy('id')
			.execute(),
		registrations: await db
			.selectFrom('registration')
			.select(['id', 'name', 'email', 'needs'])
			.orderBy('id')
			.execute(),
		contributions: await db
			.selectFrom('contribution')
			.select(['id', 'contact_email', 'author_name'])
			.orderBy('id')
			.execute(),
		mails: await db.selectFrom('mail_message').select(['id', 'text_body']).orderBy('id').execute(),
		audit: await db
			.selectFrom('audit_log')
			.select(['id', 'actor_label', 'after'])
			.orderBy('id')
			.execute()
	};
}

describe('retention', () => {
	it('has a sweep for every purpose the server holds, and only for those', () => {
		const serverPurposes = PURPOSES.filter((p) => !p.enforcedBy).map((p) => p.code);
		expect(Object.keys(SWEEPS).sort()).toEqual([...serverPurposes].sort());
	});

	it('compares date-only columns with the day in Paris, also late in the evening', () => {
		// 23:30 UTC on 5 February is already 6 February in Paris, the day a mandate
		// ending on the 5th is past; a UTC day would keep it one more hour.
		const lateEvening = new Date('2027-02-05T23:30:00Z');
		expect(sweepContext(lateEvening, { value: 0, unit: 'jour' }).cutoffDay).toBe('2027-02-06');
		expect(sweepContext(lateEvening, { value: 1, unit: 'an' }).cutoffDay).toBe('2026-02-06');
		expect(
			sweepContext(new Date('2027-07-05T21:30:00Z'), { value: 0, unit: 'jour' }).cutoffDay
		).toBe('2027-07-05');
	});

	it('years later, leaves no personal data but active members and staff, and every figure right', async () => {
		const db = await demoDatabase();
		const figures = await survivingFigures(db);
		const later = new Date(Date.now() + 6 * 365 * DAY);

		const before = await personalData(db);
		const dry = await runRetention({ db, clock: fixedClock(later) }, { dryRun: true });
		expect(dry.dryRun).toBe(true);
		expect(await personalData(db)).toEqual(before);
		for (const code of [
			'comptes',
			'inscriptions',
			'besoins',
			'contributions',
			'courriels_journal',
			'courriels_contenu',
			'abonnements',
			'journal',
			'brouillons',
			'invitations',
			'base_adresses'
		])
			expect(dry.counts[code], code).toBeGreaterThan(0);

		const run = await runRetention({ db, clock: fixedClock(later) });
		expect(run.counts).toEqual(dry.counts);
		expect(await survivingFigures(db)).toEqual(figures);

		const users = await db.selectFrom('user').select(['role', 'active']).execute();
		expect(users.length).toBeGreaterThan(0);
		expect(
			users.every((u) => ['admin', 'agent', 'pilote'].includes(u.role) && u.active === 1)
		).toBe(true);
		const people = await db.selectFrom('person').selectAll().execute();
		for (const person of people) {
			expect(['actif', 'en_pause']).toContain(person.status);
			expect(person.mandate_end === null || person.mandate_end >= parisDay(later)).toBe(true);
		}
		expect(
			await db
				.selectFrom('registration')
				.select('id')
				.where((eb) =>
					eb.or([
						eb('name', '!=', ''),
						eb('email', 'is not', null),
						eb('phone', 'is not', null),
						eb('needs', '!=', '[]')
					])
				)
				.execute()
		).toEqual([]);
		expect(
			await db
				.selectFrom('contribution')
				.select('id')
				.where('contact_email', 'is not', null)
				.execute()
		).toEqual([]);
		expect(
			await db
				.selectFrom('retour_request')
				.select('id')
				.where((eb) => eb.or([eb('email', 'is not', null), eb('postal_address', 'is not', null)]))
				.execute()
		).toEqual([]);
		expect(await db.selectFrom('mail_message').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('contact_subscription').select('email').execute()).toEqual([]);
		expect(
			await db.selectFrom('response').select('id').where('status', '=', 'brouillon').execute()
		).toEqual([]);
		expect(
			await db
				.selectFrom('audit_log')
				.select('id')
				.where((eb) => eb.or([eb('before', 'is not', null), eb('after', 'is not', null)]))
				.where('created_at', '<', cutoffBefore(later, { value: 5, unit: 'an' }).toISOString())
				.execute()
		).toEqual([]);

		const again = await runRetention({ db, clock: fixedClock(later) });
		expect(again.total).toBe(0);
	});

	it('erases needs a week after the event, contact data three months after, and follows a shortened period', async () => {
		const db = await demoDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const event = await db
			.selectFrom('event')
			.innerJoin('registration', 'registration.event_id', 'event.id')
			.select(['event.id', 'event.ends_at'])
			.where('registration.needs', '!=', '[]')
			.where('registration.email', 'is not', null)
			.orderBy('event.ends_at')
			.executeTakeFirstOrThrow();
		const ends = new Date(event.ends_at).getTime();
		const ofEvent = () =>
			db
				.selectFrom('registration')
				.select(['name', 'email', 'needs', 'status'])
				.where('event_id', '=', event.id)
				.execute();
		const at = (days: number) =>
			runRetention({ db, clock: fixedClock(new Date(ends + days * DAY)) });

		await at(6);
		expect((await ofEvent()).some((r) => r.needs !== '[]')).toBe(true);
		await at(8);
		const afterAWeek = await ofEvent();
		expect(afterAWeek.every((r) => r.needs === '[]')).toBe(true);
		expect(afterAWeek.some((r) => r.email !== null)).toBe(true);

		await at(40);
		expect((await ofEvent()).some((r) => r.email !== null)).toBe(true);
		await changeRetentionPeriods(db, admin, { inscriptions: 1 });
		expect((await getRetentionPeriods(db)).inscriptions).toEqual({ value: 1, unit: 'mois' });
		const run = await at(40);
		expect(run.counts.inscriptions).toBeGreaterThan(0);
		const erased = await ofEvent();
		expect(erased.every((r) => r.name === '' && r.email === null)).toBe(true);
		expect(erased.length).toBe(afterAWeek.length);
		expect(erased.map((r) => r.status)).toEqual(afterAWeek.map((r) => r.status));
	});

	it('deletes drafts after thirty days of silence, not before', async () => {
		const db = await demoDatabase();
		const draft = await db
			.selectFrom('response')
			.select(['id', 'updated_at'])
			.where('status', '=', 'brouillon')
			.orderBy('updated_at', 'desc')
			.executeTakeFirstOrThrow();
		const last = new Date(draft.updated_at).getTime();
		await runRetention({ db, clock: fixedClock(new Date(last + 29 * DAY)) });
		expect(
			await db.selectFrom('response').select('id').where('id', '=', draft.id).execute()
		).toHaveLength(1);
		await runRetention({ db, clock: fixedClock(new Date(last + 31 * DAY)) });
		expect(
			await db.selectFrom('response').select('id').where('id', '=', draft.id).execute()
		).toEqual([]);
		expect(
			await db.selectFrom('answer').select('id').where('response_id', '=', draft.id).execute()
		).toEqual([]);
	});

	it('refuses a period longer than the default or shorter than the minimum, and residents', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const resident = (await createTestUser(db, 'habitant')).actor;
		await expect(changeRetentionPeriods(db, admin, { inscriptions: 4 })).rejects.toThrow(
			/dépasser 3\u00a0mois/
		);
		await expect(changeRetentionPeriods(db, admin, { brouillons: 0 })).rejects.toThrow(
			/inférieure à 1\u00a0jour/
		);
		// The form is read field by field: a word is refused before the service.
		const typed = chosenPeriodsSchema.safeParse({ 'period.brouillons': 'dix' });
		expect(typed.error?.issues[0]).toMatchObject({
			message: 'Indiquez un nombre entier.',
			path: ['period.brouillons']
		});
		expect(
			chosenPeriodsSchema.parse({ 'period.brouillons': ' 10 ', 'period.comptes': '' })
		).toEqual({
			brouillons: 10
		});
		await expect(changeRetentionPeriods(db, resident, { brouillons: 10 })).rejects.toThrow();
		await expect(runRetention({ db, clock: systemClock }, { actor: resident })).rejects.toThrow();
		await changeRetentionPeriods(db, admin, { brouillons: 10 });
		expect((await getRetentionPeriods(db)).brouillons).toEqual({ value: 10, unit: 'jour' });
		await changeRetentionPeriods(db, admin, {});
		expect((await getRetentionPeriods(db)).brouillons).toEqual({ value: 30, unit: 'jour' });
	});

	it('runs once a day from the server, and logs each run with its counts', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const now = new Date();
		expect(await runRetentionIfDue({ db, clock: fixedClock(now) })).not.toBeNull();
		expect(
			await runRetentionIfDue({ db, clock: fixedClock(new Date(now.getTime() + 3600 * 1000)) })
		).toBeNull();
		await runRetention({ db, clock: fixedClock(now) }, { dryRun: true, actor: admin });
		expect(
			await runRetentionIfDue({
				db: db,
				clock: fixedClock(new Date(now.getTime() + 2 * 3600 * 1000))
			})
		).toBeNull();
		expect(
			await runRetentionIfDue({ db, clock: fixedClock(new Date(now.getTime() + DAY + 1000)) })
		).not.toBeNull();
		const runs = await listRetentionRuns(db, admin);
		expect(runs.map((r) => [r.dryRun, r.actorLabel])).toEqual([
			[false, 'Tâche planifiée'],
			[true, admin.displayName],
			[false, 'Tâche planifiée']
		]);
		expect(Object.keys(runs[0].counts).sort()).toEqual(Object.keys(SWEEPS).sort());
	});
});
