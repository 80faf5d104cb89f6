// The one table of every processing purpose Concerto has. The retention job,
// the privacy page, its easy-to-read version and the register of processing
// activities (article 30) are all built from it, so they cannot disagree.

export type PeriodUnit = 'jour' | 'mois' | 'an';

export interface Period {
	value: number;
	unit: PeriodUnit;
}

export interface Purpose {
	code: string;
	title: string;
	/** What the purpose is for, in a sentence. */
	aim: string;
	/** One sentence in easy-to-read French (FALC); « {durée} » stands for the period in force. */
	falc: string;
	people: string;
	data: string;
	legalBasis: string;
	/** Set for special categories of data (article 9). */
	article9?: string;
	recipients: string;
	/** The default period; administrators may shorten it, never lengthen it. */
	period: Period;
	/** The shortest period an administrator may choose; equal to `period` when fixed. */
	minimum: Period;
	/** The moment the period starts from, completing « … après ». */
	from: string;
	/** What the job does once the period is over. */
	outcome: string;
	/** Kept where nothing on the server is involved (a cookie in the browser). */
	enforcedBy?: 'navigateur';
}

const BASIS_PUBLIC_TASK = 'Mission d’intérêt public (article 6.1.e du RGPD)';
const BASIS_CONSENT = 'Consentement (article 6.1.a du RGPD)';
const BASIS_SECURITY =
	'Obligation légale de sécurité (articles 6.1.c et 32 du RGPD) et intérêt public';

const day = (value: number): Period => ({ value, unit: 'jour' });
const month = (value: number): Period => ({ value, unit: 'mois' });
const year = (value: number): Period => ({ value, unit: 'an' });

export const PURPOSES: readonly Purpose[] = [
	{
		code: 'comptes',
		title: 'Comptes',
		aim: 'Vous permettre de vous connecter pour suivre vos contributions, vos inscriptions et vos groupes.',
		falc: 'Votre compte : votre adresse e-mail et votre nom. Nous l’effaçons si vous ne venez plus pendant {durée}.',
		people: 'Habitant·es, membres, agents et pilotes qui ont un compte',
		data: 'Adresse e-mail, nom affiché, rôle, mot de passe chiffré, date de dernière connexion',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Les administrateurs et administratrices de la plateforme',
		period: month(36),
		minimum: month(12),
		from: 'la dernière connexion (les comptes actifs des agents sont gardés tant qu’ils sont en poste)',
		outcome:
			'Le compte est supprimé ; le journal garde ce qui a été fait, sans le lien avec la personne.'
	},
	{
		code: 'sessions',
		title: 'Sessions de connexion',
		aim: 'Vous garder connecté·e et protéger les liens de changement de mot de passe.',
		falc: 'Quand vous êtes connecté·e, nous le retenons 30 jours au plus.',
		people: 'Personnes connectées',
		data: 'Empreinte du jeton de session ou de réinitialisation, dates',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Personne : ces données servent seulement à la connexion',
		period: day(0),
		minimum: day(0),
		from: 'leur expiration (2 heures d’inactivité pour les agents, 30 jours pour les habitant·es)',
		outcome: 'Les sessions et les liens expirés sont supprimés.'
	},
	{
		code: 'brouillons',
		title: 'Réponses en cours',
		aim: 'Vous laisser reprendre plus tard un questionnaire commencé.',
		falc: 'Si vous ne finissez pas un questionnaire, vos réponses sont effacées après {durée}.',
		people: 'Personnes qui commencent un questionnaire',
		data: 'Réponses non envoyées, code de reprise chiffré',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Personne : seul·e le ou la répondant·e peut les reprendre',
		period: day(30),
		minimum: day(1),
		from: 'la dernière modification',
		outcome: 'Le brouillon et ses réponses sont supprimés.'
	},
	{
		code: 'reponses',
		title: 'Réponses aux consultations',
		aim: 'Connaître l’avis des habitant·es, des partenaires et des agents sur les politiques de solidarité.',
		falc: 'Vos réponses aux questionnaires sont anonymes. Nous gardons seulement les réponses, pas votre nom.',
		people: 'Répondant·es aux consultations',
		data: 'Réponses, commune, tranche d’âge et public (jamais le nom) ; pour les consultations sur invitation, le lien avec le compte et l’adresse d’envoi du code',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients:
			'Le service participation ; les pilotes voient les résultats ; le public voit des chiffres d’au moins 5 personnes',
		period: month(12),
		minimum: month(1),
		from: 'la clôture de la consultation',
		outcome:
			'Le lien entre une réponse et un compte, et les adresses d’envoi des codes, sont effacés ; les réponses restent, anonymes.'
	},
	{
		code: 'contributions',
		title: 'Coordonnées laissées avec une contribution',
		aim: 'Vous dire ce que devient votre contribution, si vous l’avez demandé.',
		falc: 'Si vous laissez votre e-mail avec une idée, nous l’effaçons après {durée}. Votre idée reste, sans votre nom.',
		people: 'Personnes qui laissent une contribution et leurs coordonnées',
		data: 'Nom, adresse e-mail, lien avec le compte ; le texte de la contribution',
		legalBasis: BASIS_CONSENT,
		recipients: 'Le service participation et les pilotes des fiches-actions concernées',
		period: month(24),
		minimum: month(3),
		from: 'la contribution',
		outcome:
			'Le nom, l’e-mail et le lien avec le compte sont effacés ; le texte reste, anonyme, avec les décisions prises.'
	},
	{
		code: 'abonnements',
		title: 'Nouvelles des contributions',
		aim: 'Vous envoyer par e-mail les décisions prises sur vos contributions.',
		falc: 'Si vous ne voulez plus de nouvelles, nous effaçons votre e-mail après {durée}.',
		people: 'Contributeurs et contributrices qui l’ont demandé',
		data: 'Adresse e-mail, date du dernier envoi',
		legalBasis: BASIS_CONSENT,
		recipients: 'Le service participation',
		period: month(1),
		minimum: day(1),
		from: 'le désabonnement, ou l’effacement de la dernière contribution qui portait cette adresse',
		outcome: 'L’abonnement est supprimé.'
	},
	{
		code: 'panel',
		title: 'Panel de résident·es',
		aim: 'Tirer au sort des membres représentatifs pour les ateliers et les instances.',
		falc: 'Si vous êtes dans le panel, nous gardons vos informations pendant votre mandat, puis {durée}.',
		people: 'Personnes inscrites au panel',
		data: 'Nom, coordonnées, commune, tranche d’âge, genre, disponibilités, besoins, consentements',
		legalBasis: BASIS_CONSENT,
		recipients: 'Le service participation',
		period: month(12),
		minimum: month(1),
		from: 'le départ du panel ou la fin du mandat sans renouvellement',
		outcome:
			'La fiche est supprimée ; les tirages publiés gardent seulement le pseudonyme et le profil.'
	},
	{
		code: 'panel_candidats',
		title: 'Candidatures au panel',
		aim: 'Garder les candidatures pour les prochains tirages au sort.',
		falc: 'Si vous êtes candidat·e mais jamais tiré·e au sort, nous effaçons votre candidature après {durée}.',
		people: 'Candidat·es au panel jamais devenu·es membres',
		data: 'Les mêmes informations que le panel',
		legalBasis: BASIS_CONSENT,
		recipients: 'Le service participation',
		period: month(36),
		minimum: month(6),
		from: 'la candidature ou sa dernière mise à jour',
		outcome: 'La candidature est supprimée.'
	},
	{
		code: 'situation',
		title: 'Situation personnelle des membres du panel',
		aim: 'Composer un panel où sont représentées les personnes concernées par les politiques de solidarité.',
		falc: 'Votre situation (par exemple un handicap) est effacée quand vous quittez le panel.',
		people: 'Membres et candidat·es du panel qui ont choisi de l’indiquer',
		data: 'Situations déclarées (handicap, perte d’autonomie, aidant·e, minima sociaux…)',
		legalBasis: BASIS_CONSENT,
		article9:
			'Donnée sensible : consentement explicite (article 9.2.a du RGPD), facultatif et retirable',
		recipients: 'Le service participation, seulement pour composer les tirages',
		period: day(0),
		minimum: day(0),
		from: 'le départ du panel ou la fin du mandat',
		outcome: 'Les situations sont effacées de la fiche.'
	},
	{
		code: 'groupes',
		title: 'Membres des groupes',
		aim: 'Organiser le groupe ressource, les conseils et les instances où siègent des habitant·es.',
		falc: 'Quand vous quittez un groupe, nous l’oublions après {durée}.',
		people: 'Membres des groupes de participation',
		data: 'Rôle, mandat, sièges dans les instances',
		legalBasis: BASIS_CONSENT,
		recipients: 'Le service participation et les autres membres du groupe',
		period: month(12),
		minimum: month(1),
		from: 'la sortie du groupe',
		outcome: 'L’appartenance est supprimée.'
	},
	{
		code: 'inscriptions',
		title: 'Inscriptions aux événements',
		aim: 'Organiser les ateliers, les universités sociales et les réunions, et vous prévenir d’un changement.',
		falc: 'Quand vous vous inscrivez à un atelier, nous effaçons votre nom et votre contact {durée} après.',
		people: 'Personnes inscrites ou venues à un événement',
		data: 'Nom, e-mail, téléphone, adresse postale, choix d’ateliers, présence',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Le service participation et les animateurs de l’événement',
		period: month(3),
		minimum: day(7),
		from: 'la fin de l’événement',
		outcome:
			'Le nom et les coordonnées sont effacés ; les inscriptions et les présences restent comptées.'
	},
	{
		code: 'besoins',
		title: 'Besoins d’accessibilité pour venir',
		aim: 'Prévoir l’accueil : interprète, transport, accessibilité, garde d’enfants.',
		falc: 'Ce dont vous avez besoin pour venir est effacé {durée} après l’événement.',
		people: 'Personnes inscrites qui ont indiqué un besoin',
		data: 'Besoins et précisions',
		legalBasis: BASIS_CONSENT,
		article9:
			'Peut révéler une donnée de santé : consentement explicite (article 9.2.a du RGPD), facultatif',
		recipients: 'Le service participation et l’équipe d’accueil de l’événement',
		period: day(7),
		minimum: day(1),
		from: 'la fin de l’événement',
		outcome: 'Les besoins et leurs précisions sont effacés.'
	},
	{
		code: 'demandes_retour',
		title: 'Demandes de retour',
		aim: 'Vous envoyer ce qu’est devenu ce que vous avez dit, par e-mail ou par courrier.',
		falc: 'Nous gardons votre adresse pour vous envoyer les résultats, puis {durée}.',
		people: 'Personnes qui ont demandé le retour d’une consultation ou d’un événement',
		data: 'Nom, e-mail ou adresse postale, choix du facile à lire, envois',
		legalBasis: BASIS_CONSENT,
		recipients: 'Le service participation',
		period: month(3),
		minimum: day(7),
		from: 'la publication du retour (ou 24 mois après la demande si aucun retour n’a été publié)',
		outcome:
			'Le nom et les adresses sont effacés ; les envois restent comptés dans le bilan du retour.'
	},
	{
		code: 'courriels_contenu',
		title: 'Contenu des courriels envoyés',
		aim: 'Vérifier qu’un courriel est bien parti et le renvoyer en cas d’échec.',
		falc: 'Nous gardons le texte des e-mails envoyés {durée}.',
		people: 'Destinataires des courriels de la plateforme',
		data: 'Texte du courriel',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Les administrateurs et administratrices',
		period: day(30),
		minimum: day(1),
		from: 'la création du courriel',
		outcome: 'Le texte est effacé ; le journal garde le destinataire, l’objet et la date.'
	},
	{
		code: 'courriels_journal',
		title: 'Journal des courriels',
		aim: 'Répondre à une personne qui dit ne pas avoir reçu un courriel.',
		falc: 'Nous gardons la liste des e-mails envoyés {durée}.',
		people: 'Destinataires des courriels de la plateforme',
		data: 'Adresse du destinataire, objet, date, statut',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Les administrateurs et administratrices',
		period: month(12),
		minimum: month(1),
		from: 'l’envoi',
		outcome: 'L’entrée du journal est supprimée.'
	},
	{
		code: 'journal',
		title: 'Journal des modifications',
		aim: 'Savoir qui a modifié quoi dans l’espace d’administration, pour la sécurité.',
		falc: 'Nous notons ce que font les agents. Les noms sont effacés après {durée}.',
		people: 'Agents, pilotes, administrateurs ; personnes concernées par une modification',
		data: 'Auteur, action, objet, valeurs avant et après',
		legalBasis: BASIS_SECURITY,
		recipients: 'Les administrateurs et administratrices',
		period: year(5),
		minimum: month(6),
		from: 'l’action',
		outcome: 'L’auteur et les valeurs avant et après sont effacés ; l’action et sa date restent.'
	},
	{
		code: 'limites',
		title: 'Protection contre les abus',
		aim: 'Limiter les tentatives de connexion et les envois répétés.',
		falc: 'Pour éviter les abus, nous comptons les essais. Nous les oublions après 24 heures.',
		people: 'Personnes qui se connectent ou envoient un formulaire public',
		data: 'Compteurs liés à une adresse e-mail ou une adresse IP',
		legalBasis: BASIS_SECURITY,
		recipients: 'Personne',
		period: day(1),
		minimum: day(1),
		from: 'le début du décompte',
		outcome: 'Les compteurs sont supprimés.'
	},
	{
		code: 'tirages',
		title: 'Tirages au sort',
		aim: 'Rendre les tirages vérifiables par tous, sans nommer personne.',
		falc: 'Les tirages sont publics avec un pseudonyme, jamais votre nom.',
		people: 'Candidat·es des tirages',
		data: 'Pseudonyme, profil (territoire, tranche d’âge, genre), probabilité, lien avec la fiche du panel',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients:
			'Le public voit les pseudonymes et les règles ; le service participation voit les noms',
		period: month(12),
		minimum: month(1),
		from: 'le tirage, pour les personnes non tirées',
		outcome: 'Le lien entre le pseudonyme et la personne est effacé ; le tirage reste vérifiable.'
	},
	{
		code: 'invitations',
		title: 'Invitations au panel par tirage au sort',
		aim: 'Inviter par courrier des habitant·es tiré·es au sort, pour que le panel ressemble au département.',
		falc: 'Si votre adresse a été tirée au sort, nous l’effaçons à la fin de la campagne d’invitations.',
		people: 'Foyers dont l’adresse a été tirée au sort',
		data: 'Adresse postale tirée de la Base Adresse Nationale, code personnel, date et canal de la réponse',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Le service participation ; l’imprimeur des lettres',
		period: day(0),
		minimum: day(0),
		from: 'la fin de la campagne (sa date limite, ou sa clôture par un agent)',
		outcome:
			'L’adresse et le code de chaque invitation sont effacés ; restent la commune et la réponse, pour les taux de réponse. Les personnes qui ont répondu oui sont dans le panel, avec ce qu’elles ont donné.'
	},
	{
		code: 'base_adresses',
		title: 'Base d’adresses des invitations',
		aim: 'Tirer au sort les adresses à inviter.',
		falc: 'La liste des adresses du département sert au tirage au sort. Nous l’effaçons après {durée}.',
		people: 'Aucune personne nommée : les adresses publiques de la Base Adresse Nationale',
		data: 'Numéro, voie, code postal et commune de chaque adresse du département',
		legalBasis: BASIS_PUBLIC_TASK,
		recipients: 'Le service participation',
		period: month(12),
		minimum: month(1),
		from: 'son import (chaque import remplace la base précédente)',
		outcome: 'La base est supprimée ; les campagnes gardent son empreinte et son nombre d’adresses.'
	},
	{
		code: 'demandes_rgpd',
		title: 'Demandes d’exercice des droits',
		aim: 'Prouver qu’une demande d’accès ou d’effacement a été traitée.',
		falc: 'Quand vous demandez vos données, nous gardons la trace de votre demande {durée}.',
		people: 'Personnes qui exercent leurs droits sans compte',
		data: 'Adresse e-mail, dates de la demande et de la réponse',
		legalBasis: 'Obligation légale (article 6.1.c et articles 12 à 22 du RGPD)',
		recipients: 'Les administrateurs et administratrices',
		period: month(12),
		minimum: month(1),
		from: 'la réponse (les demandes non confirmées sont supprimées à leur expiration, après 7 jours)',
		outcome: 'La demande est supprimée.'
	},
	{
		code: 'preferences',
		title: 'Paramètres d’affichage',
		aim: 'Retenir la taille du texte, le contraste et la police que vous avez choisis.',
		falc: 'Vos choix d’affichage restent dans votre appareil {durée}.',
		people: 'Visiteurs qui changent l’affichage',
		data: 'Choix d’affichage, dans un cookie de votre navigateur',
		legalBasis:
			'Nécessaire au service que vous demandez (article 82 de la loi Informatique et libertés)',
		recipients: 'Personne : le cookie reste dans votre navigateur',
		period: year(1),
		minimum: year(1),
		from: 'le dernier choix',
		outcome: 'Le navigateur efface le cookie.',
		enforcedBy: 'navigateur'
	}
];

/** The day the table last changed in a way the privacy page must show. */
export const PURPOSES_REVISED_ON = '2026-12-01';

export function findPurpose(code: string): Purpose | undefined {
	return PURPOSES.find((purpose) => purpose.code === code);
}

export function isAdjustable(purpose: Purpose): boolean {
	return !purpose.enforcedBy && comparePeriods(purpose.minimum, purpose.period) < 0;
}

const UNIT_DAYS: Record<PeriodUnit, number> = { jour: 1, mois: 30.44, an: 365.25 };

export function comparePeriods(a: Period, b: Period): number {
	return a.value * UNIT_DAYS[a.unit] - b.value * UNIT_DAYS[b.unit];
}

/** The instant a period before `now` began: whatever happened before it is past its period. */
export function cutoffBefore(now: Date, period: Period): Date {
	const cutoff = new Date(now);
	if (period.unit === 'jour') cutoff.setUTCDate(cutoff.getUTCDate() - period.value);
	if (period.unit === 'mois') cutoff.setUTCMonth(cutoff.getUTCMonth() - period.value);
	if (period.unit === 'an') cutoff.setUTCFullYear(cutoff.getUTCFullYear() - period.value);
	return cutoff;
}

export function formatPeriod(period: Period): string {
	if (period.value === 0) return 'dès';
	const plural = period.value > 1;
	const unit =
		period.unit === 'jour'
			? plural
				? 'jours'
				: 'jour'
			: period.unit === 'an'
				? plural
					? 'ans'
					: 'an'
				: 'mois';
	return `${period.value}\u00a0${unit}`;
}

export function falcSentence(purpose: Purpose, period: Period): string {
	return purpose.falc.replace('{durée}', formatPeriod(period));
}

/** « 3 mois après la fin de l’événement », « dès leur expiration ». */
export function describeRetention(purpose: Purpose, period: Period): string {
	if (period.value === 0) return `Dès ${purpose.from}`;
	return `${formatPeriod(period)} après ${purpose.from}`;
}
