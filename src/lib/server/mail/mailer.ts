// Every message is logged in mail_message. With SMTP configured it is sent
// and its body is not kept (it may hold a secret link); without SMTP (demo)
// it is retained with its body in the outbox that administrators read.
import nodemailer from 'nodemailer';
import type { Executor } from '../db/database';
import { nowForDb } from '../db/codecs';
import { getIdentity, mailSignature } from '../settings/identity';
import type { MailStatus } from './status';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	/** What the message is for, e.g. "password-reset"; shown in the outbox. */
	purpose: string;
	/** Files sent with the message (an invitation's .ics, say); not kept in the outbox. */
	attachments?: { filename: string; content: string; contentType: string }[];
}

export type { MailStatus };

/** Where a template puts its signature; the mailer writes the organisation's there. */
export const SIGNATURE_MARK = '{{signature}}';
/** Where a template names the organisation; the mailer writes its name from the settings. */
export const ORGANISATION_MARK = '{{organisation}}';

export interface Mailer {
	send(db: Executor, mail: OutgoingMail): Promise<MailStatus>;
}

/** A token of ours (generateToken: 32 characters of base32) or a code as long. */
const isToken = (part: string) => /^[A-Za-z0-9_]{16,}$/.test(part) && /\d/.test(part);

/** Links with a personal token (reset, invitation, cancellation) with the token hidden. */
export function maskPersonalLinks(text: string): string {
	return text.replace(/https?:\/\/\S+/g, (url) =>
		url
			.split(/([/?=&#])/)
			.map((part) => (isToken(part) ? '[lien personnel masqué]' : part))
			.join('')
	);
}

export interface MailerOptions {
	smtpUrl: string | null;
	from: string;
}

export function createMailer({ smtpUrl, from }: MailerOptions): Mailer {
	const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;

	return {
		async send(db, outgoing) {
			const identity = await getIdentity(db);
			const mail = {
				...outgoing,
				text: outgoing.text
					.replaceAll(SIGNATURE_MARK, mailSignature(identity))
					.replaceAll(ORGANISATION_MARK, identity.organisationName)
			};
			const base = {
				to_address: mail.to,
				subject: mail.subject,
				purpose: mail.purpose,
				created_at: nowForDb()
			};
			if (!transport) {
				await db
					.insertInto('mail_message')
					.values({ ...base, text_body: mail.text, status: 'retenu', error: null, sent_at: null })
					.execute();
				return 'retenu';
			}
			const { id } = await db
				.insertInto('mail_message')
				// The text is kept as the person reads it, for the outbox, until its retention
				// ends; personal links are masked, so reading the outbox opens nobody's account.
				.values({
					...base,
					text_body: maskPersonalLinks(mail.text),
					status: 'en_attente',
					error: null,
					sent_at: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			try {
				await transport.sendMail({
					from: identity.mailFrom ? `${identity.serviceName} <${identity.mailFrom}>` : from,
					to: mail.to,
					subject: mail.subject,
					text: mail.text,
					attachments: mail.attachments
				});
				await db
					.updateTable('mail_message')
					.set({ status: 'envoye', sent_at: nowForDb() })
					.where('id', '=', id)
					.execute();
				return 'envoye';
			} catch (error) {
				await db
					.updateTable('mail_message')
					.set({ status: 'echec', error: String(error).slice(0, 500) })
					.where('id', '=', id)
					.execute();
				return 'echec';
			}
		}
	};
}
