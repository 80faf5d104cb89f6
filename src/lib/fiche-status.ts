// The status vocabulary of the fiches-actions, shared by server and pages:
// a code (as in the open data), a word and a symbol, never colour alone.
export const FICHE_STATUSES = ['realisee', 'en_cours', 'reportee', 'supprimee'] as const;
export type FicheStatus = (typeof FICHE_STATUSES)[number];

export const STATUS_DISPLAY = {
	realisee: { label: 'Réalisée', symbol: '✔' },
	en_cours: { label: 'En cours', symbol: '◔' },
	reportee: { label: 'Reportée', symbol: '↷' },
	supprimee: { label: 'Supprimée', symbol: '✖' },
	none: { label: 'Non renseigné', symbol: '–' }
} as const;

/** Choices of a status select; "non-renseigne" stands for no stated status. */
export const STATUS_OPTIONS = [
	...FICHE_STATUSES.map((value) => ({ value, label: STATUS_DISPLAY[value].label })),
	{ value: 'non-renseigne', label: STATUS_DISPLAY.none.label }
];

export type StatusCounts = Record<FicheStatus, number> & { total: number; unstated: number };

export function isFicheStatus(value: unknown): value is FicheStatus {
	return typeof value === 'string' && (FICHE_STATUSES as readonly string[]).includes(value);
}
