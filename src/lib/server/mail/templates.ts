// The French text of every message the platform sends.
import type { OutgoingMail } from './mailer';

const SIGNATURE = '\n\n--\nConcerto, la participation citoyenne aux solidarités du Département';

export function passwordResetMail(to: string, link: string): OutgoingMail {
	return {
		to,
		purpose: 'password-reset',
		subject: 'Choisir un nouveau mot de passe',
		text:
			'Bonjour,\n\nVous avez demandé à choisir un nouveau mot de passe pour votre compte Concerto.\n' +
			`Ouvrez ce lien dans l'heure qui vient :\n\n${link}\n\n` +
			"Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas." +
			SIGNATURE
	};
}

export function invitationMail(to: string, displayName: string, link: string): OutgoingMail {
	return {
		to,
		purpose: 'invitation',
		subject: 'Votre compte Concerto est prêt',
		text:
			`Bonjour ${displayName},\n\nUn compte Concerto vient d'être créé pour vous.\n` +
			`Pour choisir votre mot de passe, ouvrez ce lien dans les 7 jours :\n\n${link}` +
			SIGNATURE
	};
}

export function consultationInvitationMail(
	to: string,
	title: string,
	link: string,
	code: string,
	closesOn: string
): OutgoingMail {
	return {
		to,
		purpose: 'consultation-invitation',
		subject: `Donnez votre avis : ${title}`,
		text:
			`Bonjour,\n\nLe Département vous invite à répondre à la consultation « ${title} ».\n` +
			`Elle est ouverte jusqu'au ${closesOn}. Répondre prend quelques minutes.\n\n` +
			`Ouvrez ce lien :\n\n${link}\n\nPuis saisissez votre code d'invitation : ${code}\n\n` +
			'Ce code est personnel et ne sert qu’une fois.' +
			SIGNATURE
	};
}
