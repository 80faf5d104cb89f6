// French full-text ranking without a search engine: words folded (case,
// accents), stop words dropped, a light stemmer (plurals and the common
// suffixes, after J. Savoy's French light stemmer), then Okapi BM25.
import { foldForSearch } from '../text';

const STOP_WORDS = new Set(
	'au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont ont etre avoir fait faire plus tres tout tous toute toutes aussi comme donc car peu bien sans sous entre afin lors dont ici ceux celle celui cela ca chez vers etc quand ainsi deja encore autre autres si non oui y a'.split(
		' '
	)
);

/** Words too common to narrow a search (folded). */
export function isStopWord(word: string): boolean {
	return STOP_WORDS.has(word);
}

/** Light stemming: enough for « parents » and « parental » to meet, not more. */
export function stem(word: string): string {
	let w = word;
	if (w.length > 5 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
	else if (w.length > 4 && /[sx]$/.test(w)) w = w.slice(0, -1);
	for (const suffix of [
		'issement',
		'ement',
		'ation',
		'ition',
		'ite',
		'euse',
		'eur',
		'ive',
		'ique',
		'age',
		'elle',
		'ale',
		'al',
		'ee',
		'er',
		'e'
	]) {
		if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
	}
	return w;
}

export function terms(text: string): string[] {
	return foldForSearch(text)
		.split(' ')
		.filter((w) => w.length > 2 && !STOP_WORDS.has(w))
		.map(stem);
}

export interface IndexedDocument<K> {
	key: K;
	text: string;
}

/** BM25 over a small collection, built in memory for each question. */
export class TextIndex<K> {
	private readonly docs: { key: K; counts: Map<string, number>; length: number }[];
	private readonly documentFrequency = new Map<string, number>();
	private readonly averageLength: number;

	constructor(
		documents: IndexedDocument<K>[],
		private readonly k1 = 1.2,
		private readonly b = 0.75
	) {
		this.docs = documents.map(({ key, text }) => {
			const counts = new Map<string, number>();
			const words = terms(text);
			for (const t of words) counts.set(t, (counts.get(t) ?? 0) + 1);
			for (const t of counts.keys())
				this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
			return { key, counts, length: words.length };
		});
		this.averageLength =
			this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.docs.length);
	}

	rank(query: string, limit: number): { key: K; score: number }[] {
		const queryTerms = [...new Set(terms(query))];
		const n = this.docs.length;
		const scored = this.docs.map((doc) => {
			let score = 0;
			for (const t of queryTerms) {
				const tf = doc.counts.get(t);
				if (!tf) continue;
				const df = this.documentFrequency.get(t)!;
				const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
				score +=
					(idf * tf * (this.k1 + 1)) /
					(tf + this.k1 * (1 - this.b + (this.b * doc.length) / (this.averageLength || 1)));
			}
			return { key: doc.key, score };
		});
		return scored
			.filter((s) => s.score > 0)
			.sort((a, b) => b.score - a.score)
			.slice(0, limit);
	}
}
