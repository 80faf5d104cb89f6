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
	'single',
	'multiple',
	'scale',
	'yesno',
	'short_text',
	'long_text',
	'ranking',
	'number',
	'date',
	'commune'
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
	single: 'Choix unique',
	multiple: 'Choix multiple',
	scale: 'Échelle',
	yesno: 'Oui / non',
	short_text: 'Texte court',
	long_text: 'Texte long',
	ranking: 'Classement',
	number: 'Nombre',
	date: 'Date',
	commune: 'Commune'
};

/** The settings each kind of question uses: the editor shows these and no others. */
export type QuestionSetting =
	'options' | 'allowOther' | 'exclusiveLast' | 'maxChoices' | 'scale' | 'bounds';
export const KIND_SETTINGS: Record<QuestionKind, readonly QuestionSetting[]> = {
	single: ['options', 'allowOther'],
	multiple: ['options', 'allowOther', 'exclusiveLast', 'maxChoices'],
	ranking: ['options'],
	scale: ['scale'],
	number: ['bounds'],
	yesno: [],
	short_text: [],
	long_text: [],
	date: [],
	commune: []
};

export function isQuestionKind(value: unknown): value is QuestionKind {
	return (QUESTION_KINDS as readonly unknown[]).includes(value);
}

export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'yesno', 'ranking'];
export const TEXT_KINDS: readonly QuestionKind[] = ['short_text', 'long_text'];

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

export const ACCESS_MODES = ['public', 'code', 'members', 'staff'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const ACCESS_LABELS: Record<AccessMode, string> = {
	public: 'Public : toute personne qui a le lien',
	code: 'Sur code d’invitation',
	members: 'Réservée aux membres du panel et des groupes (connectés)',
	staff: 'Réservée aux comptes des agents du Département'
};

export const IDENTITY_MODES = ['anonymous', 'identified'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];
export const IDENTITY_LABELS: Record<IdentityMode, string> = {
	anonymous: 'Anonyme : les réponses ne sont reliées à aucun compte',
	identified: 'Nominative : les réponses sont reliées au compte de la personne'
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
