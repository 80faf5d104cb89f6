// The words of events, shared by server and pages.

export const EVENT_STATUSES = ['brouillon', 'publie', 'termine', 'annule'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Record<EventStatus | 'complet', string> = {
	brouillon: 'Brouillon',
	publie: 'Publié',
	complet: 'Complet',
	termine: 'Terminé',
	annule: 'Annulé'
};

/** Kinds every installation starts with; officers add others. */
export const DEFAULT_EVENT_KINDS = [
	{ code: 'atelier', label: 'Atelier participatif' },
	{ code: 'universite-sociale', label: 'Université sociale territoriale' },
	{ code: 'tournee', label: 'Tournée « aller vers »' },
	{ code: 'conference', label: 'Conférence territoriale' },
	{ code: 'reunion-groupe', label: 'Réunion de groupe' },
	{ code: 'forum', label: 'Forum' },
	{ code: 'assises', label: 'Assises' }
] as const;

export const EVENT_AUDIENCES = ['tous', 'professionnels', 'groupe', 'invitation'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Record<EventAudience, string> = {
	tous: 'Ouvert à toutes et à tous',
	professionnels: 'Professionnels et partenaires',
	groupe: 'Membres d’un groupe',
	invitation: 'Sur invitation'
};

export const ACCESSIBILITY_FEATURES = [
	{ code: 'plain-pied', label: 'Accès de plain-pied ou par ascenseur' },
	{ code: 'boucle', label: 'Boucle magnétique' },
	{ code: 'lsf', label: 'Interprète en langue des signes (LSF)' },
	{ code: 'falc', label: 'Documents faciles à lire et à comprendre' }
] as const;

export const SUPPORT_OFFERS = [
	{ code: 'transport', label: 'Transport organisé ou remboursé' },
	{ code: 'garde', label: 'Garde d’enfants sur place' },
	{ code: 'frais', label: 'Remboursement des frais' },
	{ code: 'repas', label: 'Repas offert' }
] as const;

export const NEEDS = [
	{ code: 'transport', label: 'Un transport pour venir' },
	{ code: 'garde', label: 'Une garde pour mes enfants' },
	{ code: 'lsf', label: 'Un interprète en langue des signes' },
	{ code: 'falc', label: 'Des documents faciles à lire' },
	{ code: 'repas', label: 'Un repas adapté (régime, allergie)' },
	{ code: 'autre', label: 'Autre besoin' }
] as const;

/** A need's words, from its code (the code itself if it is not known). */
export function needLabel(code: string): string {
	return NEEDS.find((n) => n.code === code)?.label ?? code;
}

export const REGISTRATION_STATUSES = ['inscrit', 'attente', 'annule', 'present', 'absent'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
	inscrit: 'Inscrit·e',
	attente: 'Liste d’attente',
	annule: 'Annulé',
	present: 'Présent·e',
	absent: 'Absent·e'
};

export const PARTICIPANT_CATEGORIES = ['habitant', 'professionnel', 'partenaire', 'elu'] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export const PARTICIPANT_CATEGORY_LABELS: Record<ParticipantCategory, string> = {
	habitant: 'Habitant·e',
	professionnel: 'Professionnel·le',
	partenaire: 'Partenaire',
	elu: 'Élu·e'
};

export const PROGRAMME_KINDS = [
	{ code: 'pleniere', label: 'Plénière' },
	{ code: 'table-ronde', label: 'Table ronde' },
	{ code: 'stand', label: 'Stand' },
	{ code: 'atelier', label: 'Atelier' }
] as const;

export const HALF_DAYS = [
	{ code: 'matin', label: 'Matinée', from: '09:30', to: '12:30' },
	{ code: 'apres-midi', label: 'Après-midi', from: '14:00', to: '17:00' }
] as const;
