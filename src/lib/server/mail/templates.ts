// The French text of every message the platform sends.
import { ORGANISATION_MARK, SIGNATURE_MARK, type OutgoingMail } from './mailer';

/** Replaced when sending by the organisation's signature (settings). */
const SIGNATURE = `\n\n-- \n${SIGNATURE_MARK}`;

/** « Bonjour Awa Diallo, » when the name is known, « Bonjour, » otherwise. */
const greeting = (name?: string | null) =>
	name?.trim() ? `Bonjour ${name.trim()},\n\n` : 'Bonjour,\n\n';

export function passwordResetMail(to: string, link: string, name?: string): OutgoingMail {
	return {
		to,
		purpose: 'password-reset',
		subject: 'Choisir un nouveau mot de passe',
		text:
			greeting(name) +
			'Vous avez demandé à choisir un nouveau mot de passe pour votre compte Concerto.\n' +
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
			greeting(displayName) +
			`Un compte Concerto vient d'être créé pour vous.\n` +
			`Pour choisir votre mot de passe, ouvrez ce lien dans les 7 jours :\n\n${link}` +
			SIGNATURE
	};
}

export function residentWelcomeMail(to: string, displayName: string, link: string): OutgoingMail {
	return {
		to,
		purpose: 'invitation',
		subject: 'Votre compte Concerto : choisissez votre mot de passe',
		text:
			greeting(displayName) +
			`Vous avez demandé à créer un compte Concerto avec cette adresse.\n` +
			`Pour choisir votre mot de passe et confirmer que l’adresse est bien la vôtre, ouvrez ce lien dans les 7 jours :\n\n${link}\n\n` +
			'Si vous n’avez rien demandé, ne faites rien : sans mot de passe, personne ne peut utiliser ce compte.' +
			SIGNATURE
	};
}

/** Someone asked for an account with an address that has one: tell its owner, nobody else. */
export function accountExistsMail(
	to: string,
	signInLink: string,
	resetLink: string,
	name?: string
): OutgoingMail {
	return {
		to,
		purpose: 'invitation',
		subject: 'Vous avez déjà un compte Concerto',
		text:
			greeting(name) +
			'Quelqu’un (peut-être vous) a demandé à créer un compte Concerto avec cette adresse, qui en a déjà un.\n\n' +
			`Pour vous connecter : ${signInLink}\nMot de passe oublié : ${resetLink}\n\n` +
			'Si vous n’avez rien demandé, vous pouvez ignorer ce message.' +
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
			greeting() +
			`Vous êtes invité·e à répondre à la consultation « ${title} » (${ORGANISATION_MARK}).\n` +
			`Elle est ouverte jusqu'au ${closesOn}. Répondre prend quelques minutes.\n\n` +
			`Ouvrez ce lien :\n\n${link}\n\nPuis saisissez votre code d'invitation : ${code}\n\n` +
			'Ce code est personnel et ne sert qu’une fois.' +
			SIGNATURE
	};
}

export interface EventMailContext {
	/** The person's name as she gave it, to greet her. */
	name: string | null;
	waitingPosition: number | null;
	needs: string[];
	title: string;
	when: string;
	where: string;
	link: string;
	cancelLink: string;
	ics: string;
}

function icsAttachment(context: EventMailContext) {
	return [
		{ filename: 'evenement.ics', content: context.ics, contentType: 'text/calendar; charset=utf-8' }
	];
}

const receiptLine = (code?: string) => (code ? `Votre code de suivi : ${code}\n\n` : '');
const hello = (context: EventMailContext) => greeting(context.name);
const needsLine = (context: EventMailContext) =>
	context.needs.length
		? `Vous nous avez dit avoir besoin de : ${context.needs.join(', ')}. Le service participation vous appelle avant l’événement pour l’organiser avec vous ; vous pouvez aussi l’appeler (coordonnées ci-dessous).\n\n`
		: '';
const rankLine = (context: EventMailContext) =>
	context.waitingPosition
		? context.waitingPosition === 1
			? 'Vous êtes la première personne sur la liste d’attente.\n'
			: `Vous êtes la ${context.waitingPosition}e personne sur la liste d’attente.\n`
		: '';

export function registrationConfirmedMail(
	to: string,
	context: EventMailContext,
	receiptCode?: string
): OutgoingMail {
	return {
		to,
		purpose: 'event-registration',
		subject: `Inscription confirmée : ${context.title}`,
		text:
			`${hello(context)}Votre inscription à « ${context.title} » est confirmée.\n\n` +
			receiptLine(receiptCode) +
			needsLine(context) +
			`Quand : ${context.when}\nOù : ${context.where}\n\nToutes les informations : ${context.link}\n\n` +
			'Le fichier joint ajoute l’événement à votre agenda.\n\n' +
			`Si vous ne pouvez plus venir, annulez ici pour laisser votre place : ${context.cancelLink}` +
			SIGNATURE,
		attachments: icsAttachment(context)
	};
}

export function registrationWaitingMail(
	to: string,
	context: EventMailContext,
	receiptCode?: string
): OutgoingMail {
	return {
		to,
		purpose: 'event-waiting-list',
		subject: `Liste d’attente : ${context.title}`,
		text:
			`${hello(context)}« ${context.title} » est complet : vous êtes sur la liste d’attente.\n` +
			rankLine(context) +
			'Dès qu’une place se libère, elle vous est donnée et vous recevez un message.\n\n' +
			receiptLine(receiptCode) +
			needsLine(context) +
			`Quand : ${context.when}\nOù : ${context.where}\n\n` +
			`Pour quitter la liste d’attente : ${context.cancelLink}` +
			SIGNATURE
	};
}

export function registrationCancelledMail(to: string, context: EventMailContext): OutgoingMail {
	return {
		to,
		purpose: 'event-registration',
		subject: `Inscription annulée : ${context.title}`,
		text:
			`${hello(context)}Votre inscription à « ${context.title} » (${context.when}) est bien annulée. Merci de nous avoir prévenus : votre place va à quelqu’un d’autre.\n\n` +
			`Si c’était une erreur, inscrivez-vous de nouveau : ${context.link}` +
			SIGNATURE
	};
}

/** Someone asked again with an address already registered: tell its owner, nobody else. */
export function registrationAlreadyMail(
	to: string,
	context: EventMailContext,
	status: 'inscrit' | 'attente'
): OutgoingMail {
	return {
		to,
		purpose: 'event-registration',
		subject: `Vous êtes déjà inscrit·e : ${context.title}`,
		text:
			`${hello(context)}Une inscription à « ${context.title} » vient d’être demandée avec votre adresse e-mail. ` +
			(status === 'inscrit'
				? 'Vous étiez déjà inscrit·e : votre place est gardée, rien d’autre ne change.\n\n'
				: 'Vous étiez déjà sur la liste d’attente : vous y gardez votre rang.\n\n') +
			`Quand : ${context.when}\nOù : ${context.where}\n\n` +
			`Voici un nouveau lien pour annuler (celui de votre premier message ne sert plus) : ${context.cancelLink}\n\n` +
			'Si vous n’avez rien demandé, vous pouvez ignorer ce message.' +
			SIGNATURE
	};
}

export function promotedFromWaitingListMail(to: string, context: EventMailContext): OutgoingMail {
	return {
		to,
		purpose: 'event-promotion',
		subject: `Une place s’est libérée : ${context.title}`,
		text:
			`${hello(context)}Bonne nouvelle : une place s’est libérée. Votre inscription à « ${context.title} » est confirmée.\n\n` +
			`Quand : ${context.when}\nOù : ${context.where}\n\nToutes les informations : ${context.link}\n\n` +
			`Si vous ne pouvez pas venir, annulez ici : ${context.cancelLink}` +
			SIGNATURE,
		attachments: icsAttachment(context)
	};
}

export function eventCancelledMail(
	to: string,
	context: EventMailContext,
	reason: string
): OutgoingMail {
	return {
		to,
		purpose: 'event-cancelled',
		subject: `Annulé : ${context.title}`,
		text:
			`${hello(context)}Nous sommes désolés : « ${context.title} », prévu ${context.when}, est annulé.\n\n` +
			`Raison : ${reason}\n\nLes autres rendez-vous : ${context.link.replace(/\/agenda\/.*$/, '/agenda')}` +
			SIGNATURE,
		attachments: icsAttachment(context)
	};
}

export function eventMovedMail(to: string, context: EventMailContext): OutgoingMail {
	return {
		to,
		purpose: 'event-moved',
		subject: `Changement : ${context.title}`,
		text:
			`${hello(context)}« ${context.title} » change de date ou de lieu. Votre inscription est gardée.\n\n` +
			`Nouvelle date : ${context.when}\nLieu : ${context.where}\n\nToutes les informations : ${context.link}\n\n` +
			`Si vous ne pouvez plus venir, annulez ici : ${context.cancelLink}` +
			SIGNATURE,
		attachments: icsAttachment(context)
	};
}

export function eventReminderMail(to: string, context: EventMailContext): OutgoingMail {
	return {
		to,
		purpose: 'event-reminder',
		subject: `Rappel : ${context.title}`,
		text:
			`${hello(context)}Nous vous attendons bientôt à « ${context.title} ».\n\n` +
			`Quand : ${context.when}\nOù : ${context.where}\n\nToutes les informations : ${context.link}\n\n` +
			`Si vous ne pouvez plus venir, annulez ici pour laisser votre place : ${context.cancelLink}` +
			SIGNATURE,
		attachments: icsAttachment(context)
	};
}

export function panelWelcomeMail(
	to: string,
	context: { firstName: string; confirmLink: string; manageLink: string }
): OutgoingMail {
	return {
		to,
		purpose: 'panel-signup',
		subject: 'Confirmez votre inscription au panel départemental',
		text:
			greeting(context.firstName) +
			`Merci de vouloir rejoindre le panel départemental des solidarités.\n\n` +
			`Pour confirmer votre adresse e-mail, ouvrez ce lien : ${context.confirmLink}\n` +
			'(il reste valable 7 jours).\n\n' +
			'Vous pouvez voir vos informations ou quitter le panel à tout moment avec ce lien, ' +
			`gardez ce message : ${context.manageLink}` +
			SIGNATURE
	};
}

export function panelAlreadyRegisteredMail(
	to: string,
	manageLink: string,
	firstName?: string
): OutgoingMail {
	return {
		to,
		purpose: 'panel-signup',
		subject: 'Vous êtes déjà inscrit·e au panel départemental',
		text:
			greeting(firstName) +
			'Quelqu’un (peut-être vous) a demandé à inscrire cette adresse au panel départemental, ' +
			'où elle est déjà inscrite. Rien n’a été changé.\n\n' +
			`Pour voir vos informations ou quitter le panel : ${manageLink}` +
			SIGNATURE
	};
}

export function mandateRenewalMail(
	to: string,
	context: { firstName: string; mandateEnd: string; manageLink: string }
): OutgoingMail {
	return {
		to,
		purpose: 'panel-mandate',
		subject: 'Votre participation au panel arrive à son terme',
		text:
			greeting(context.firstName) +
			`Votre participation au panel départemental se termine le ${context.mandateEnd}.\n\n` +
			`Pour la prolonger d’un an, ou pour quitter le panel, ouvrez ce lien : ${context.manageLink}\n\n` +
			'Sans réponse de votre part, l’équipe participation vous contactera.' +
			SIGNATURE
	};
}

export function contributionDigestMail(
	to: string,
	context: { news: string[]; followLinks: string[]; unsubscribeLink: string }
): OutgoingMail {
	return {
		to,
		purpose: 'contribution-digest',
		subject: 'Ce que sont devenues vos idées',
		text:
			greeting() +
			'Vous nous avez demandé de vous dire ce que deviennent vos idées. Depuis notre dernier message :\n\n' +
			context.news.map((n) => `- ${n}`).join('\n') +
			`\n\nPour tout voir : ${context.followLinks.join(' ; ')}\n\n` +
			`Pour ne plus recevoir ces messages : ${context.unsubscribeLink}` +
			SIGNATURE
	};
}

export function retourMail(
	to: string,
	context: { name: string; title: string; text: string; link: string; unsubscribeLink: string }
): OutgoingMail {
	return {
		to,
		purpose: 'retour',
		subject: context.title,
		text:
			greeting(context.name) +
			`Vous nous avez demandé de vous dire ce que votre participation a changé.\n\n` +
			`${context.text}\n\nLe retour complet, avec ses chiffres : ${context.link}\n\n` +
			`Pour ne plus recevoir de retours : ${context.unsubscribeLink}` +
			SIGNATURE
	};
}

export function privacyRequestMail(to: string, link: string): OutgoingMail {
	return {
		to,
		purpose: 'privacy-request',
		subject: 'Vos données personnelles : confirmez votre demande',
		text:
			greeting() +
			'Vous avez demandé à voir ou à effacer les données que Concerto garde avec cette adresse e-mail.\n' +
			`Pour le confirmer, ouvrez ce lien dans les 7 jours :\n\n${link}\n\n` +
			'Vous y verrez tout ce que nous avons, pourrez le télécharger et choisir de l’effacer.\n' +
			"Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change." +
			SIGNATURE
	};
}
