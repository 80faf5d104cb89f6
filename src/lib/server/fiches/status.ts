// The status vocabulary of the yearly review (bilan), as in the open data.
export const FICHE_STATUSES = ['realisee', 'en_cours', 'reportee', 'supprimee'] as const;
export type FicheStatus = (typeof FICHE_STATUSES)[number];

export const STATUS_LABELS: Record<FicheStatus, string> = {
	realisee: 'Réalisée',
	en_cours: 'En cours',
	reportee: 'Reportée',
	supprimee: 'Supprimée'
};

export const UNSTATED_LABEL = 'Non renseigné';

export function isFicheStatus(value: unknown): value is FicheStatus {
	return typeof value === 'string' && (FICHE_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: FicheStatus | null): string {
	return status ? STATUS_LABELS[status] : UNSTATED_LABEL;
}
