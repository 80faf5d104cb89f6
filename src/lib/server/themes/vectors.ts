// What people wrote as vectors a clustering can compare: French words through
// the search's analysis (elisions, stop words, folding, Snowball stems), pairs
// of consecutive words, and the officers' synonym groups as one shared
// feature, weighted by TF-IDF and normalised, so the dot product of two
// answers is their cosine similarity.
import { analyse, type AnalysedWord } from '../search/french-words';
import { foldForSearch } from '../text';

/**
 * Words too general in what residents say about social policy to tell one
 * theme from another (« aide » is in every field); search keeps them.
 */
const THEME_STOP_WORDS = new Set(
	'aide aides aider besoin besoins personne personnes gens chaque faut faudrait manque assez mieux plus moins trop rien tout beaucoup vrai vraiment depuis fois jour jours mois ans semaine pouvoir peut peuvent dire sait savoir voudrais veux aient ait soit soient etait etaient seront pourrait pourraient doit doivent devrait devraient font mettre met'.split(
		' '
	)
);

/**
 * How a vocabulary word is matched: folded, plural dropped, never stemmed, so
 * « aidante » and « aidants » meet but « aide » stays apart.
 */
function vocabularyForm(word: string): string {
	const folded = foldForSearch(word);
	return folded.length > 4 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
}

/** Every word, stop words included: « sans domicile » is not « domicile ». */
function vocabularyForms(text: string): string[] {
	return foldForSearch(text.replace(/[’']/g, ' ')).split(' ').filter(Boolean).map(vocabularyForm);
}

function meaningful(text: string): AnalysedWord[] {
	return analyse(text).filter((w) => !THEME_STOP_WORDS.has(foldForSearch(w.word)));
}

/** Sparse, L2-normalised: `features[i]` has weight `weights[i]`. */
export interface SparseVector {
	features: Int32Array;
	weights: Float64Array;
	/** How this answer wrote each feature, for its explanation. */
	written: string[];
}

export interface Feature {
	/** Stem, stem pair, or `≈ group` for a synonym group. */
	key: string;
	/** The words readers see: the commonest way it was written. */
	shown: string;
	/** How many answers hold it. */
	documentFrequency: number;
	idf: number;
}

export interface AnswerVectors {
	vectors: SparseVector[];
	features: Feature[];
}

export interface VectorOptions {
	synonyms?: string[][];
	/** The vocabulary kept, most frequent first (bounds time and memory). */
	maxFeatures?: number;
	/** How much a synonym group weighs against one word. */
	groupWeight?: number;
}

const DEFAULT_MAX_FEATURES = 1500;
/** A feature in more than this share of answers says nothing about a theme. */
const MAX_DOCUMENT_SHARE = 0.4;
/**
 * A vocabulary group weighs as much as four words: it carries the meaning
 * that short answers share without sharing words (measured on the evaluation
 * set: adjusted Rand index 0.51 at 2, 0.56 at 4).
 */
const GROUP_WEIGHT = 4;

interface RawFeatures {
	counts: Map<string, number>;
	shown: Map<string, string>;
}

function synonymMatchers(groups: string[][]) {
	return groups
		.map((group) => ({
			key: `≈ ${group[0]}`,
			shown: group[0],
			sequences: group
				.map((expression) => ({
					expression,
					forms: vocabularyForms(expression)
				}))
				.filter((e) => e.forms.length > 0)
				.map((e) => ({ expression: e.expression, joined: ` ${e.forms.join(' ')} ` }))
		}))
		.filter((m) => m.sequences.length > 1);
}

function rawFeatures(text: string, matchers: ReturnType<typeof synonymMatchers>): RawFeatures {
	const words = meaningful(text);
	const counts = new Map<string, number>();
	const shown = new Map<string, string>();
	const add = (key: string, written: string) => {
		counts.set(key, (counts.get(key) ?? 0) + 1);
		if (!shown.has(key)) shown.set(key, written);
	};
	words.forEach((w, i) => {
		add(w.term, w.word);
		const next = words[i + 1];
		if (next) add(`${w.term} ${next.term}`, `${w.word} ${next.word}`);
	});
	const joined = ` ${vocabularyForms(text).join(' ')} `;
	for (const m of matchers) {
		const found = m.sequences.find((s) => joined.includes(s.joined));
		if (found)
			add(m.key, found.expression === m.shown ? m.shown : `${found.expression} (${m.shown})`);
	}
	return { counts, shown };
}

/** Vectors for the answers, over the features found in at least two of them. */
export function vectorise(texts: readonly string[], options: VectorOptions = {}): AnswerVectors {
	const matchers = synonymMatchers(options.synonyms ?? []);
	const raw = texts.map((t) => rawFeatures(t, matchers));
	const frequency = new Map<string, number>();
	const written = new Map<string, Map<string, number>>();
	for (const r of raw)
		for (const key of r.counts.keys()) {
			frequency.set(key, (frequency.get(key) ?? 0) + 1);
			const forms = written.get(key) ?? new Map<string, number>();
			const form = r.shown.get(key)!;
			forms.set(form, (forms.get(form) ?? 0) + 1);
			written.set(key, forms);
		}
	const n = texts.length;
	const maxDf = Math.max(2, Math.floor(n * MAX_DOCUMENT_SHARE));
	const kept = [...frequency.entries()]
		.filter(([, df]) => df >= 2 && df <= maxDf)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, options.maxFeatures ?? DEFAULT_MAX_FEATURES);
	const features: Feature[] = kept.map(([key, df]) => ({
		key,
		shown: key.startsWith('≈ ') ? key.slice(2) : commonest(written.get(key)!),
		documentFrequency: df,
		idf: Math.log((1 + n) / (1 + df)) + 1
	}));
	const index = new Map(features.map((f, i) => [f.key, i]));
	const groupWeight = options.groupWeight ?? GROUP_WEIGHT;
	const vectors = raw.map(({ counts, shown }) => {
		const entries: [number, number, string][] = [];
		for (const [key, count] of counts) {
			const i = index.get(key);
			if (i !== undefined)
				entries.push([
					i,
					(1 + Math.log(count)) * features[i].idf * (key.startsWith('≈') ? groupWeight : 1),
					shown.get(key)!
				]);
		}
		entries.sort((a, b) => a[0] - b[0]);
		const norm = Math.hypot(...entries.map((e) => e[1])) || 1;
		return {
			features: Int32Array.from(entries, (e) => e[0]),
			weights: Float64Array.from(entries, (e) => e[1] / norm),
			written: entries.map((e) => e[2])
		};
	});
	return { vectors, features };
}

function commonest(forms: Map<string, number>): string {
	let best = '';
	let bestCount = -1;
	for (const [form, count] of forms)
		if (count > bestCount || (count === bestCount && form < best)) {
			best = form;
			bestCount = count;
		}
	return best;
}

/** A sparse vector spread over `dimension` places, for the clustering library. */
export function toDense(vector: SparseVector, dimension: number): number[] {
	const dense = new Array<number>(dimension).fill(0);
	for (let i = 0; i < vector.features.length; i++) dense[vector.features[i]] = vector.weights[i];
	return dense;
}

/** Dot product of a sparse vector with a dense one. */
export function dot(vector: SparseVector, dense: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < vector.features.length; i++)
		sum += vector.weights[i] * dense[vector.features[i]];
	return sum;
}
