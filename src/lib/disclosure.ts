// How a figure protected by statistical disclosure control reads in a page.
// A count is either shown as a number, or hidden: « small » when it counts
// fewer people than the threshold, « masked » when it is larger but hidden so
// that a small one cannot be recovered by subtraction.
export type Hidden = 'small' | 'masked';
export type Figure = number | Hidden;

export const DEFAULT_DISCLOSURE_THRESHOLD = 5;

export function isShown(figure: Figure): figure is number {
	return typeof figure === 'number';
}

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function formatFigure(figure: Figure, threshold = DEFAULT_DISCLOSURE_THRESHOLD): string {
	if (figure === 'small') return `moins de ${threshold}`;
	if (figure === 'masked') return 'masqué';
	return numberFormat.format(figure);
}

/** The sentence under a table that hides some of its figures. */
export function disclosureNote(threshold = DEFAULT_DISCLOSURE_THRESHOLD): string {
	return `Pour qu’on ne puisse reconnaître personne, un groupe de moins de ${threshold} personnes est indiqué « moins de ${threshold} », et d’autres chiffres sont « masqués » quand ils permettraient de le retrouver par soustraction.`;
}
