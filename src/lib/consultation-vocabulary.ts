// The words of consultations, shared by server and pages: one place for the
// French labels of statuses, question kinds, channels, audiences and the
// standard profile block.

export const CONSULTATION_STATUSES = [
	'brouillon',
	'planifiee',
	'ouverte',
	'close',
	'resultats_publies'
] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
	brouillon: 'Brouillon',
	planifiee: 'Planifiée',
	ouverte: 'Ouverte',
	close: 'Close',
	resultats_publies: 'Résultats publiés'
};

export const QUESTION_KINDS = [
	'choix_unique',
	'choix_multiple',
	'echelle',
	'oui_non',
	'texte_court',
	'texte_long',
	'classement',
	'nombre',
	'date',
	'commune'
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
	choix_unique: 'Choix unique',
	choix_multiple: 'Choix multiple',
	echelle: 'Échelle',
	oui_non: 'Oui / non',
	texte_court: 'Texte court',
	texte_long: 'Texte long',
	classement: 'Classement',
	nombre: 'Nombre',
	date: 'Date',
	commune: 'Commune'
};

/** The settings each kind of question uses: the editor shows these and no others. */
export type QuestionSetting =
	'options' | 'allowOther' | 'exclusiveLast' | 'maxChoices' | 'scale' | 'bounds';
export const KIND_SETTINGS: Record<QuestionKind, readonly QuestionSetting[]> = {
	choix_unique: ['options', 'allowOther'],
	choix_multiple: ['options', 'allowOther', 'exclusiveLast', 'maxChoices'],
	classement: ['options'],
	echelle: ['scale'],
	nombre: ['bounds'],
	oui_non: [],
	texte_court: [],
	texte_long: [],
	date: [],
	commune: []
};

export function isQuestionKind(value: unknown): value is QuestionKind {
	return (QUESTION_KINDS as readonly unknown[]).includes(value);
}

export const CHOICE_KINDS: readonly QuestionKind[] = [
	'choix_unique',
	'choix_multiple',
	'oui_non',
	'classement'
];
export const TEXT_KINDS: readonly QuestionKind[] = ['texte_court', 'texte_long'];

export const CHANNELS = ['web', 'telephone', 'papier', 'terrain'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
	web: 'En ligne',
	telephone: 'Téléphone',
	papier: 'Formulaire papier',
	terrain: 'Entretien de terrain'
};

export const AUDIENCES = ['habitants', 'partenaires', 'professionnels'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
	habitants: 'Habitantes et habitants',
	partenaires: 'Partenaires institutionnels',
	professionnels: 'Professionnels du Département'
};

export const ACCESS_MODES = ['public', 'code', 'membres', 'agents'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const ACCESS_LABELS: Record<AccessMode, string> = {
	public: 'Public : toute personne qui a le lien',
	code: 'Sur code d’invitation',
	membres: 'Réservée aux membres du panel et des groupes (connectés)',
	agents: 'Réservée aux comptes des agents du Département'
};

export const IDENTITY_MODES = ['anonyme', 'nominative'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

/** A response is a draft until it is sent; only sent ones count. */
export const RESPONSE_STATUSES = ['brouillon', 'envoyee'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export const IDENTITY_LABELS: Record<IdentityMode, string> = {
	anonyme: 'Anonyme : les réponses ne sont reliées à aucun compte',
	nominative: 'Nominative : les réponses sont reliées au compte de la personne'
};

export const AGE_BANDS = [
	{ code: 'moins-18', label: 'Moins de 18 ans' },
	{ code: '18-24', label: 'De 18 à 24 ans' },
	{ code: '25-39', label: 'De 25 à 39 ans' },
	{ code: '40-59', label: 'De 40 à 59 ans' },
	{ code: '60-74', label: 'De 60 à 74 ans' },
	{ code: '75-plus', label: '75 ans et plus' }
] as const;

export const GENDERS = ['Femme', 'Homme', 'Autre', 'Je préfère ne pas répondre'] as const;

export const SITUATIONS = [
	'Allocataire du RSA',
	'Aidant·e d’un proche',
	'Personne en situation de handicap',
	'Parent d’un enfant accompagné par l’aide sociale à l’enfance',
	'En emploi',
	'En recherche d’emploi',
	'Retraité·e',
	'Étudiant·e ou en formation',
	'Aucune de ces situations'
] as const;

export const PROFILE_KEYS = ['commune', 'age_band', 'gender', 'situation'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** Breakdown dimensions of results. */
export const DIMENSIONS = ['territoire', 'public', 'canal', 'age'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = {
	territoire: 'Territoire',
	public: 'Public',
	canal: 'Canal de réponse',
	age: 'Tranche d’âge'
};
