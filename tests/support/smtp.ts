// A real SMTP server started in-process, for tests that read what the app sent.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
	to: string;
	subject: string;
	text: string;
	attachments: { filename: string; content: string }[];
}

export interface TestSmtpServer {
	url: string;
	port: number;
	received: ReceivedMail[];
	/** The first mail to `to` (whose subject matches, when given). */
	waitForMail(to: string, timeoutMs?: number, subject?: RegExp): Promise<ReceivedMail>;
	close(): Promise<void>;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
					received.push({
						to: to?.value[0]?.address ?? '',
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						attachments: mail.attachments.map((a) => ({
							filename: a.filename ?? '',
							content: a.content.toString('utf8')
						}))
					});
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const address = server.server.address();
	const boundPort = typeof address === 'object' && address ? address.port : port;

	return {
		url: `smtp://127.0.0.1:${boundPort}`,
		port: boundPort,
		received,
		async waitForMail(to, timeoutMs = 10_000, subject) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				const mail = received.find((m) => m.to === to && (!subject || subject.test(m.subject)));
				if (mail) return mail;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			throw new Error(`Aucun courriel reçu pour ${to}`);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

export function firstLink(text: string): string {
	const match = text.match(/https?:\/\/\S+/);
	if (!match) throw new Error('Aucun lien dans le courriel');
	return match[0];
}
