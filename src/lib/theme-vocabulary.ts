// Words of the theme analyses, shared by the server and the pages.

export const THEME_ANALYSIS_STATUS_LABELS = {
	en_attente: 'En attente du calcul',
	en_cours: 'Calcul en cours',
	prete: 'Thèmes prêts',
	echec: 'Échec du calcul'
} as const;

export const THEME_STATUS_LABELS = {
	proposee: 'Proposé',
	validee: 'Validé'
} as const;
