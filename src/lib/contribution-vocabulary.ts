// Words of the contributions inbox, shared by the pages and the services.

export const CONTRIBUTION_STATES = ['nouvelle', 'en_cours', 'traitee', 'hors_champ'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];
export const CONTRIBUTION_STATE_LABELS: Record<ContributionState, string> = {
	nouvelle: 'Nouvelle',
	en_cours: 'En cours d’analyse',
	traitee: 'Traitée',
	hors_champ: 'Hors champ'
};

export const CONTRIBUTION_SOURCES = ['consultation', 'evenement', 'fiche', 'terrain'] as const;
export type ContributionSource = (typeof CONTRIBUTION_SOURCES)[number];
export const CONTRIBUTION_SOURCE_LABELS: Record<ContributionSource, string> = {
	consultation: 'Réponse à une consultation',
	evenement: 'Note ou verbatim d’un événement',
	fiche: 'Message sur une fiche-action',
	terrain: 'Entretien de terrain'
};

export const DECISIONS = [
	'prise_en_compte',
	'deja_en_cours',
	'nouvelle_piste',
	'non_retenue',
	'hors_champ'
] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
	prise_en_compte: 'Prise en compte',
	deja_en_cours: 'Déjà en cours',
	nouvelle_piste: 'Nouvelle piste',
	non_retenue: 'Non retenue',
	hors_champ: 'Hors champ'
};

export const MASK_REASONS = [
	{ code: 'donnees-personnelles', label: 'Données personnelles' },
	{ code: 'propos-injurieux', label: 'Propos injurieux' },
	{ code: 'autre', label: 'Autre raison' }
] as const;

export const RETOUR_FIELD_LABELS: Record<string, string> = {
	title: 'Titre',
	slug: 'Adresse de la page',
	consultationId: 'Consultation',
	eventIds: 'Événements',
	body: 'Le retour',
	falcBody: 'Version facile à lire'
};
