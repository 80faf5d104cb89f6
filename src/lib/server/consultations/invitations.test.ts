import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import { createMailer } from '../mail/mailer';
import { InvalidInputError } from '../errors';
import { sendInvitationCodes, listInvitationBatches } from './invitations';
import { startResponse } from './responding';
import { buildSampleConsultation, setUpConsultations } from './testing';

let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('invitations by e-mail', () => {
	it('sends each address its own single-use code, through SMTP', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation } = await buildSampleConsultation(db, agent, {
			access: 'code',
			slug: 'invitation'
		});
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Concerto <concerto@exemple.fr>' });
		await expect(
			sendInvitationCodes(
				createTestContext(db, { mailer, origin: 'https://x.fr' }),
				agent,
				consultation.id,
				'pas-une-adresse'
			)
		).rejects.toThrow(InvalidInputError);

		const outcome = await sendInvitationCodes(
			createTestContext(db, { mailer, origin: 'https://participation.exemple.fr' }),
			agent,
			consultation.id,
			'aline@exemple.fr; BRUNO@exemple.fr\naline@exemple.fr'
		);
		expect(outcome).toEqual({ sent: 2, failed: 0 });
		const mail = await smtp.waitForMail('bruno@exemple.fr');
		expect(mail.subject).toBe(`Donnez votre avis : ${consultation.title}`);
		expect(mail.text).toContain('https://participation.exemple.fr/consultations/invitation');
		const code = /code d'invitation : ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/.exec(
			mail.text ?? ''
		)![1];
		await startResponse({ db, submissionsPerHour: 100 }, consultation, null, {
			clientAddress: 'x',
			invitationCode: code
		});
		expect(await listInvitationBatches(db, agent, consultation.id)).toMatchObject([
			{ count: 2, emailed: 2, used: 0 }
		]);
	});
});
