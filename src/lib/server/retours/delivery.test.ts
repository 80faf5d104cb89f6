import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCommand } from '../events/testing';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { createTestDatabase, createTestUser, createTestContext } from '../testing';
import { loadReferenceData } from '../reference/seed';
import { RateLimitedError } from '../errors';
import { readForm } from '../read-form';
import { createConsultation } from '../consultations/builder';
import { consultationInput } from '../consultations/testing';
import { createRetour, publishRetour } from './manage';
import {
	deliveryProgress,
	processRetourDeliveries,
	requestRetour,
	retourRequestSchema,
	startRetourSending,
	unsubscribeFromRetours
} from './delivery';
import { retourLetters } from './letters';
import { installLogo } from '../settings/logo';
import { DEMO_LOGO_PNG } from '../demo/logo';
import { contributionIndicators } from '../contributions/indicators';
import { createEvent, publishEvent } from '../events/manage';
import { getEventById } from '../events/queries';
import { registerForEvent } from '../events/registration';

const ORIGIN = 'https://participation.exemple.fr';
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('sending a retour', () => {
	it('mails those who asked (FALC when they asked), counts letters, retries failures, stops on request', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const agent = (await createTestUser(db, 'agent')).actor;
		const consultation = await createConsultation(db, agent, consultationInput());
		const options = { clientAddress: '198.51.100.30', perHour: 100 };
		const ask = (email: string, postalAddress = '', falc = false) =>
			requestRetour(
				{ db, submissionsPerHour: options.perHour },
				consultation,
				{ name: 'Awa', email, postalAddress, falc, notify: false, consent: true },
				options
			);
		await ask('awa@exemple.fr');
		await ask('awa@exemple.fr');
		await ask('facile@exemple.fr', '', true);
		await ask('', '3 rue des Lilas, 41000 Blois');
		expect(
			readForm(retourRequestSchema, { email: '', postalAddress: '', consent: true })
		).toMatchObject({
			ok: false,
			errors: { email: expect.stringMatching(/adresse/) }
		});

		const id = await createRetour(db, agent, {
			title: 'Ce que nous avons retenu',
			slug: 'retenu',
			body: 'Le texte complet du retour.',
			falcBody: 'Le texte facile à lire.',
			consultationId: consultation,
			eventIds: []
		});
		await expect(startRetourSending(db, agent, id)).rejects.toThrow(/Publiez/);
		await publishRetour(db, agent, id);
		expect(await startRetourSending(db, agent, id)).toBe(3);
		expect(await startRetourSending(db, agent, id)).toBe(0);

		const broken = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'Concerto <c@exemple.fr>' });
		expect(
			await processRetourDeliveries(createTestContext(db, { mailer: broken, origin: ORIGIN }))
		).toEqual({ sent: 0, failed: 2 });
		expect((await deliveryProgress(db, agent, id)).email).toEqual({
			total: 2,
			sent: 0,
			pending: 2,
			failed: 0
		});
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		expect(
			await processRetourDeliveries(createTestContext(db, { mailer, origin: ORIGIN }))
		).toEqual({ sent: 2, failed: 0 });
		const progress = await deliveryProgress(db, agent, id);
		expect(progress).toMatchObject({
			email: { total: 2, sent: 2, pending: 0, failed: 0 },
			letters: 1
		});

		const letters = await retourLetters(db, agent, id, {
			origin: ORIGIN
		});
		expect(letters.count).toBe(1);
		expect(letters.pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(letters.pdf.length).toBeGreaterThan(2000);
		expect(letters.pdf.includes('/Subtype /Image')).toBe(false);
		await installLogo(db, DEMO_LOGO_PNG);
		const withLogo = await retourLetters(db, agent, id, { origin: ORIGIN });
		expect(withLogo.count).toBe(1);
		expect(withLogo.pdf.includes('/Subtype /Image')).toBe(true);
		expect(await deliveryProgress(db, agent, id)).toMatchObject({ letters: 1 });
		const logged = await db
			.selectFrom('retour_delivery')
			.select(['status', 'sent_at'])
			.where('channel', '=', 'courrier')
			.executeTakeFirstOrThrow();
		expect(logged.status).toBe('envoye');
		expect(logged.sent_at).not.toBeNull();

		const plain = await smtp.waitForMail('awa@exemple.fr', 10_000, /retenu/);
		expect(plain.text).toContain('Le texte complet du retour.');
		expect(plain.text).toContain(`${ORIGIN}/retours/retenu`);
		const easy = await smtp.waitForMail('facile@exemple.fr', 10_000, /retenu/);
		expect(easy.text).toContain('Le texte facile à lire.');

		await unsubscribeFromRetours(db, plain.text.match(/\/retours\/desabonnement\/(\w+)/)![1]);
		await expect(unsubscribeFromRetours(db, 'nimportequoi')).rejects.toThrow(/plus valable/);
		const second = await createRetour(db, agent, {
			title: 'Deuxième retour',
			slug: 'deuxieme',
			body: 'Encore.',
			falcBody: '',
			consultationId: consultation,
			eventIds: []
		});
		await publishRetour(db, agent, second);
		expect(await startRetourSending(db, agent, second)).toBe(2);

		const limited = { clientAddress: '198.51.100.31', perHour: 1 };
		const input = {
			name: '',
			email: 'x@exemple.fr',
			postalAddress: '',
			falc: false,
			notify: false,
			consent: true as const
		};
		await requestRetour({ db, submissionsPerHour: limited.perHour }, consultation, input, limited);
		await expect(
			requestRetour({ db, submissionsPerHour: limited.perHour }, consultation, input, limited)
		).rejects.toBeInstanceOf(RateLimitedError);
	});
});

describe('asking on the thank-you page', () => {
	it('subscribes the respondent’s written ideas to the decision digest when asked', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const agent = (await createTestUser(db, 'agent')).actor;
		const consultation = await createConsultation(db, agent, consultationInput());
		const now = new Date().toISOString();
		const { id: responseId } = await db
			.insertInto('response')
			.values({
				consultation_id: consultation,
				status: 'envoyee',
				channel: 'web',
				receipt_code: 'ABCD-EFGH',
				started_at: now,
				updated_at: now,
				submitted_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('contribution')
			.values({
				source: 'consultation',
				consultation_id: consultation,
				response_id: responseId,
				text: 'Une idée',
				created_at: now
			})
			.execute();
		expect(
			readForm(retourRequestSchema, {
				email: '',
				postalAddress: '1 rue X',
				notify: true,
				consent: true
			})
		).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/chaque décision/) } });
		await requestRetour(
			{ db, submissionsPerHour: 10 },
			consultation,
			{
				name: '',
				email: 'idee@exemple.fr',
				postalAddress: '',
				falc: false,
				notify: true,
				consent: true
			},
			{ clientAddress: '198.51.100.40', responseId }
		);
		const contribution = await db
			.selectFrom('contribution')
			.select(['contact_email', 'contact_consent'])
			.where('response_id', '=', responseId)
			.executeTakeFirstOrThrow();
		expect(contribution).toEqual({ contact_email: 'idee@exemple.fr', contact_consent: 1 });
		expect(await db.selectFrom('contact_subscription').select('email').execute()).toEqual([
			{ email: 'idee@exemple.fr' }
		]);
	});
});

describe('asking at event registration', () => {
	it('queues the retour of the event for those who ticked the box', async () => {
		const db = await createTestDatabase();
		await loadReferenceData(db);
		const agent = (await createTestUser(db, 'agent')).actor;
		const start = new Date(Date.now() + 7 * 86400_000);
		const eventId = await createEvent(
			db,
			agent,
			eventCommand({ startsAt: start, endsAt: new Date(start.getTime() + 7200_000) })
		);
		await publishEvent(db, agent, eventId);
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		const registration = (name: string, email: string, wantsRetour: boolean) => ({
			name,
			email,
			phone: '',
			postalAddress: '',
			needs: ['falc'],
			needsDetail: '',
			workshops: [],
			wantsRetour,
			consent: true as const
		});
		const options = { origin: ORIGIN, clientAddress: '198.51.100.50', perHour: 100 };
		await registerForEvent(
			createTestContext(db, {
				mailer,
				origin: options.origin,
				submissionsPerHour: options.perHour
			}),
			await getEventById(db, eventId),
			registration('Ana', 'ana@exemple.fr', true),
			options.clientAddress
		);
		await registerForEvent(
			createTestContext(db, {
				mailer,
				origin: options.origin,
				submissionsPerHour: options.perHour
			}),
			await getEventById(db, eventId),
			registration('Bob', 'bob@exemple.fr', false),
			options.clientAddress
		);
		const retour = await createRetour(db, agent, {
			title: 'Atelier mobilité : ce que nous retenons',
			slug: 'atelier-mobilite-retour',
			body: 'Merci.',
			falcBody: 'Merci, en facile à lire.',
			consultationId: null,
			eventIds: [eventId]
		});
		await publishRetour(db, agent, retour);
		expect(await startRetourSending(db, agent, retour)).toBe(1);
		await processRetourDeliveries(createTestContext(db, { mailer, origin: ORIGIN }));
		const mail = await smtp.waitForMail('ana@exemple.fr', 10_000, /ce que nous retenons/);
		expect(mail.text).toContain('Merci, en facile à lire.');
		const { reach } = await contributionIndicators(db, agent);
		expect(reach.total).toEqual({ label: 'Tous', participants: 1, reached: 1 });
		expect(reach.bySource).toEqual([{ label: 'evenement', participants: 1, reached: 1 }]);
	});
});
