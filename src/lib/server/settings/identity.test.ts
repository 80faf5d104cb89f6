import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { ForbiddenError } from '../errors';
import { createMailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/templates';
import { readForm } from '../read-form';
import { changeIdentity, DEFAULT_IDENTITY, getIdentity, identitySchema } from './identity';
import { getServiceContact } from './settings';

describe('the organisation’s identity', () => {
	it('is saved by an administrator, audited, and signs every e-mail', async () => {
		const db = await createTestDatabase();
		const admin = (await createTestUser(db, 'admin')).actor;
		const agent = (await createTestUser(db, 'agent')).actor;
		expect(await getIdentity(db)).toEqual(DEFAULT_IDENTITY);
		const changed = {
			...DEFAULT_IDENTITY,
			serviceName: 'La mission participation',
			servicePhone: '02 54 00 11 22',
			serviceHours: 'le mardi et le jeudi, de 14 h à 17 h'
		};
		await expect(changeIdentity(db, agent, changed)).rejects.toBeInstanceOf(ForbiddenError);
		await changeIdentity(db, admin, changed);
		expect(await getServiceContact(db)).toEqual({
			phone: '02 54 00 11 22',
			hours: 'le mardi et le jeudi, de 14 h à 17 h'
		});
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'settings.identity')
			.execute();
		expect(audit).toHaveLength(1);

		// Without SMTP the message stays in the outbox, signed.
		const mailer = createMailer({ smtpUrl: null, from: 'Concerto <x@exemple.fr>' });
		await mailer.send(db, passwordResetMail('a@exemple.fr', 'http://x/lien'));
		const { text_body } = await db
			.selectFrom('mail_message')
			.select('text_body')
			.executeTakeFirstOrThrow();
		expect(text_body).toContain('La mission participation — Département de Loir-et-Cher');
		expect(text_body).toContain(
			'Téléphone : 02 54 00 11 22 (le mardi et le jeudi, de 14 h à 17 h)'
		);
		expect(text_body).not.toContain('{{signature}}');
	});

	it('refuses what is not an address or a phone number, in French', () => {
		const outcome = readForm(identitySchema, {
			...DEFAULT_IDENTITY,
			serviceEmail: 'pas une adresse',
			servicePhone: 'appelez-nous',
			organisationName: ''
		});
		expect(outcome).toMatchObject({
			ok: false,
			errors: {
				serviceEmail: expect.stringMatching(/adresse e-mail valide/),
				servicePhone: expect.stringMatching(/numéro de téléphone/),
				organisationName: expect.stringMatching(/Indiquez le nom/)
			}
		});
	});
});
