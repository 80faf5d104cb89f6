// A retour's words are written once; its figures are computed each time it is
// read. Before publishing, the officer is told where the words claim more
// than the figures show (« nous avons lu toutes vos idées » while some are
// still being analysed).
import { foldForSearch } from '../text';
import type { Figure } from '$lib/disclosure';
import type { RetourFigures } from './figures';

/** Phrases that say every contribution was read or answered. */
const ALL_READ = [
	'toutes vos idées',
	'toutes les idées',
	'toutes vos contributions',
	'toutes les contributions',
	'toutes vos propositions',
	'toutes les propositions',
	'chacune de vos idées',
	'chaque idée',
	'tout lu'
];

/** Checks the words against the figures as the public sees them (small groups hidden). */
export function contradictions(
	texts: string[],
	figures: RetourFigures<number> | RetourFigures<Figure>
): string[] {
	const found: string[] = [];
	const folded = ` ${texts.map(foldForSearch).join(' ')} `;
	const pending: Figure =
		figures.contributions.byDecision.find((d) => d.decision === null)?.count ?? 0;
	const claim = ALL_READ.find((phrase) => folded.includes(` ${foldForSearch(phrase)} `));
	if (claim && pending !== 0) {
		const some =
			typeof pending === 'number'
				? `${pending} contribution${pending > 1 ? 's sont' : ' est'}`
				: 'quelques contributions sont';
		found.push(
			`Le texte dit « ${claim} », mais ${some} encore en cours d’analyse sur ${figures.contributions.total}. Décidez de leur suite ou changez la phrase.`
		);
	}
	const total = figures.responses?.total;
	if (typeof total === 'number') {
		for (const match of folded.matchAll(/ (\d+) (?:reponses|personnes ont repondu) /g)) {
			const said = Number(match[1]);
			if (said !== total)
				found.push(
					`Le texte annonce ${said} réponses ; les chiffres en comptent ${total}, et se mettent à jour seuls.`
				);
		}
	}
	return found;
}
