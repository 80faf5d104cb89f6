// The status vocabulary of the fiches-actions, shared by server and pages:
// a code (as in the open data), a word and a symbol, never colour alone.
export const FICHE_STATUSES = ['realisee', 'en_cours', 'reportee', 'supprimee'] as const;
export type FicheStatus = (typeof FICHE_STATUSES)[number];

/** Where a status change came from: the bundled import, an edit, the yearly review. */
export type StatusChangeSource = 'import' | 'modification' | 'bilan';
/** A yearly review campaign is open to the pilotes, then published. */
export type CampaignStatus = 'ouverte' | 'publiee';

/** `label` on a badge (it names the status); `phrase` after « action » in a sentence. */
export const STATUS_DISPLAY = {
	realisee: { label: 'Réalisée', symbol: '✔', phrase: 'réalisée' },
	en_cours: { label: 'En cours', symbol: '◔', phrase: 'en cours' },
	reportee: { label: 'Reportée', symbol: '↷', phrase: 'reportée' },
	supprimee: { label: 'Supprimée', symbol: '✖', phrase: 'supprimée' },
	none: { label: 'Non renseigné', symbol: '–', phrase: 'sans statut renseigné' }
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
