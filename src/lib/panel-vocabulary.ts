// The words of the panel, the draws and the groups, shared by server and pages.
export { AGE_BANDS } from './consultation-vocabulary';
export { NEEDS } from './event-vocabulary';

export const PERSON_STATUSES = ['candidat', 'actif', 'en_pause', 'parti'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
	candidat: 'Candidat·e',
	actif: 'Membre actif',
	en_pause: 'En pause',
	parti: 'A quitté le panel'
};

export const PERSON_SOURCES = [
	'en_ligne',
	'terrain',
	'papier',
	'import',
	'groupe',
	'invitation'
] as const;
export type PersonSource = (typeof PERSON_SOURCES)[number];
export const PERSON_SOURCE_LABELS: Record<PersonSource, string> = {
	en_ligne: 'Inscription en ligne',
	terrain: 'Rencontre sur le terrain',
	papier: 'Bulletin papier',
	import: 'Import d’un fichier',
	groupe: 'Membre d’un groupe',
	invitation: 'Invitation par tirage au sort'
};

export const PANEL_GENDERS = ['Femme', 'Homme', 'Autre'] as const;
export const UNSPECIFIED = 'Non précisé';

export const PANEL_SITUATIONS = [
	{ code: 'rsa', label: 'Je reçois le RSA', short: 'Allocataire du RSA' },
	{ code: 'aidant', label: 'J’aide un proche malade, handicapé ou âgé', short: 'Aidant·e' },
	{ code: 'handicap', label: 'Je vis avec un handicap', short: 'Personne handicapée' },
	{
		code: 'ase',
		label: 'Mon enfant est ou a été accompagné par l’aide sociale à l’enfance',
		short: 'Parent d’un enfant confié'
	},
	{ code: 'age', label: 'Je suis une personne âgée', short: 'Personne âgée' },
	{ code: 'emploi', label: 'Je cherche un emploi', short: 'En recherche d’emploi' },
	{
		code: 'logement',
		label: 'J’ai des difficultés pour me loger',
		short: 'Difficultés de logement'
	}
] as const;
export type SituationCode = (typeof PANEL_SITUATIONS)[number]['code'];

export const AVAILABILITIES = [
	{ code: 'semaine-jour', label: 'En semaine, en journée' },
	{ code: 'semaine-soir', label: 'En semaine, en soirée' },
	{ code: 'samedi', label: 'Le samedi' },
	{ code: 'distance', label: 'À distance (téléphone, visioconférence)' }
] as const;

/** Criteria a draw can set quotas on; each situation is its own yes/no criterion. */
export const BASE_CRITERIA = [
	{ code: 'territoire', label: 'Territoire' },
	{ code: 'age', label: 'Tranche d’âge' },
	{ code: 'genre', label: 'Genre' }
] as const;
export const situationCriterion = (code: string) => `situation:${code}`;
export const YES = 'oui';
export const NO = 'non';

export const GROUP_KINDS = [
	{ code: 'groupe-ressource', label: 'Groupe ressource' },
	{ code: 'cvs-parents', label: 'CVS des parents' },
	{ code: 'comite-local', label: 'Comité local' },
	{ code: 'autre', label: 'Autre groupe' }
] as const;

export const GROUP_ROLES = ['membre', 'co-animateur', 'suppleant'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
	membre: 'Membre',
	'co-animateur': 'Co-animateur·rice',
	suppleant: 'Suppléant·e'
};

export const DRAW_ANSWERS = ['accepte', 'decline'] as const;
export type DrawAnswer = (typeof DRAW_ANSWERS)[number];
export const DRAW_ANSWER_LABELS: Record<DrawAnswer | 'attente', string> = {
	attente: 'Réponse attendue',
	accepte: 'A accepté',
	decline: 'A décliné'
};

export const INVITATION_CHANNELS = ['en_ligne', 'telephone', 'papier'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];
export const INVITATION_CHANNEL_LABELS: Record<InvitationChannel, string> = {
	en_ligne: 'En ligne, avec le code',
	telephone: 'Par téléphone',
	papier: 'Coupon papier'
};

export const INVITATION_ANSWERS = ['oui', 'non'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];
export const INVITATION_ANSWER_LABELS: Record<InvitationAnswer, string> = {
	oui: 'Veut participer',
	non: 'Ne souhaite pas participer'
};

/** Field names of the group forms, for the error summaries. */
export const GROUP_FIELD_LABELS: Record<string, string> = {
	name: 'Nom',
	slug: 'Identifiant',
	kind: 'Type',
	territoryId: 'Territoire',
	description: 'Présentation',
	role: 'Rôle',
	mandateStart: 'Début du mandat',
	mandateEnd: 'Fin du mandat',
	firstName: 'Prénom',
	lastName: 'Nom',
	email: 'Adresse e-mail',
	phone: 'Téléphone',
	postalAddress: 'Adresse postale',
	consent: 'Accord',
	title: 'Titre',
	body: 'Texte',
	url: 'Adresse du document'
};

/** The fairness objectives a draw can use, as the Sortition Foundation's library offers them. */
export const OBJECTIVES = ['leximin', 'nash', 'maximin'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const OBJECTIVE_LABELS: Record<Objective, string> = {
	leximin: 'LEXIMIN',
	nash: 'Bien-être de Nash',
	maximin: 'Maximin'
};

/** What each objective asks, in a sentence a resident can read. */
export const OBJECTIVE_DESCRIPTIONS: Record<Objective, string> = {
	leximin:
		'Donne la plus grande chance possible à la personne qui en a le moins, puis à la suivante, et ainsi de suite.',
	nash: 'Rend le produit des chances de tous le plus grand possible : un peu moins égal, mais personne n’est sacrifié.',
	maximin:
		'Donne la plus grande chance possible à la personne qui en a le moins, sans rien demander pour les autres.'
};
