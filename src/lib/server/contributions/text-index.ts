// French full-text ranking without a search engine: Okapi BM25 over Snowball
// stems, with optional query expansion by synonym groups, and the words of
// the query that matched each result, so a suggestion can explain itself.
import { analyse, terms } from '../search/french-words';

export interface IndexedDocument<K> {
	key: K;
	text: string;
}

export interface RankedDocument<K> {
	key: K;
	score: number;
	/** Words of the query found in the document (a synonym in parentheses). */
	matched: string[];
}

/** A synonym counts less than the word itself: it widens, it must not lead. */
const SYNONYM_WEIGHT = 0.5;

interface QueryTerm {
	weight: number;
	label: string;
}

/** BM25 over a small collection, built in memory. */
export class TextIndex<K> {
	private readonly docs: { key: K; counts: Map<string, number>; length: number }[];
	private readonly documentFrequency = new Map<string, number>();
	private readonly averageLength: number;
	private readonly synonymGroups: { expression: string; terms: string[] }[][];

	constructor(
		documents: IndexedDocument<K>[],
		options: { synonyms?: string[][]; k1?: number; b?: number } = {}
	) {
		this.k1 = options.k1 ?? 1.2;
		this.b = options.b ?? 0.75;
		this.synonymGroups = (options.synonyms ?? []).map((group) =>
			group
				.map((expression) => ({ expression, terms: terms(expression) }))
				.filter((e) => e.terms.length > 0)
		);
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

	private readonly k1: number;
	private readonly b: number;

	/** The query's own terms, then the terms of their synonyms at a lower weight. */
	private queryTerms(query: string): Map<string, QueryTerm> {
		const result = new Map<string, QueryTerm>();
		const words = analyse(query);
		for (const { word, term } of words)
			if (!result.has(term)) result.set(term, { weight: 1, label: word });
		const joined = ` ${words.map((w) => w.term).join(' ')} `;
		for (const group of this.synonymGroups) {
			const trigger = group.find((e) => joined.includes(` ${e.terms.join(' ')} `));
			if (!trigger) continue;
			const said = words.find((w) => w.term === trigger.terms[0])?.word ?? trigger.expression;
			for (const synonym of group)
				for (const term of synonym.terms)
					if (!result.has(term))
						result.set(term, { weight: SYNONYM_WEIGHT, label: `${said} → ${synonym.expression}` });
		}
		return result;
	}

	rank(query: string, limit: number): RankedDocument<K>[] {
		const queryTerms = this.queryTerms(query);
		const n = this.docs.length;
		const scored = this.docs.map((doc) => {
			let score = 0;
			const matched: string[] = [];
			for (const [t, { weight, label }] of queryTerms) {
				const tf = doc.counts.get(t);
				if (!tf) continue;
				const df = this.documentFrequency.get(t)!;
				const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
				score +=
					(weight * idf * tf * (this.k1 + 1)) /
					(tf + this.k1 * (1 - this.b + (this.b * doc.length) / (this.averageLength || 1)));
				if (!matched.includes(label)) matched.push(label);
			}
			return { key: doc.key, score, matched };
		});
		return scored
			.filter((s) => s.score > 0)
			.sort((a, b) => b.score - a.score)
			.slice(0, limit);
	}
}
