// French as it is written and sorted: one collator for every list, select
// and export; elision; and (from typographie.js, which the build also runs
// on every template) the spaces French puts before : ; ! ? and inside « ».

const collator = new Intl.Collator('fr', { numeric: true });

/** Épiais before Épuisay, Saint-Étienne before Saint-Viâtre, « Maison 2 » before « Maison 10 ». */
export function compareFrench(a: string, b: string): number {
	return collator.compare(a, b);
}

/** A sorted copy, by the French order of `key`. */
export function sortFrench<T>(items: readonly T[], key: (item: T) => string): T[] {
	return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

/**
 * A key whose binary order is the French order at the first level (letters,
 * then accents, then case), for sorting inside the database, where a page
 * of results must come in the same order as the whole list.
 */
export function frenchSortKey(text: string | null): string {
	if (text === null) return '';
	const lower = text.normalize('NFD').toLowerCase();
	const base = lower
		.replace(/\p{M}/gu, '')
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/ß/g, 'ss')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.replace(/\d+/g, (digits) => digits.padStart(8, '0'));
	return `${base}\u0001${lower}\u0001${text}`;
}

export { typographie } from './typographie.js';

const VOWEL_START = /^[aeiouyhàâäéèêëîïôöùûüÿæœ]/i;
/** Words starting with a « h aspiré » take no elision. */
const H_ASPIRE =
	/^(hall|halte|hameau|handicap|hangar|hasard|haut|hauteur|héros|hiérarchie|honte|hors|hublot|huit)/i;

/** « de » before a word: « d’Atelier », « de Blois », « de Haut-Vendômois ». */
export function de(word: string): string {
	return `${dePrefix(word)}${word.trimStart()}`;
}

/** Only the « d’ » or « de  » to write before `word`, when the word is a link. */
export function dePrefix(word: string): 'd’' | 'de ' {
	return elides(word.trimStart()) ? 'd’' : 'de ';
}

/** « le »/« la » before a word: « l’atelier », « la réunion ». */
export function leOuLa(word: string, feminine: boolean): string {
	const trimmed = word.trimStart();
	return elides(trimmed) ? `l’${trimmed}` : `${feminine ? 'la' : 'le'} ${trimmed}`;
}

function elides(word: string): boolean {
	return VOWEL_START.test(word) && !H_ASPIRE.test(word);
}

/** Ends a sentence with a full stop, unless it already ends with one (« David M. »). */
export function sentence(text: string): string {
	return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}

const decimals = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 91,6 », « 1 250 »: a number as a French reader writes it. */
export function frenchNumber(value: number): string {
	return decimals.format(value);
}
