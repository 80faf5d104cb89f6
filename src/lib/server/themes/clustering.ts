// Themes in a set of answers. Each answer is a TF-IDF vector (vectors.ts);
// answers are joined to their nearest neighbours by cosine similarity, and
// Louvain community detection (graphology-communities-louvain) splits that
// graph where it is least connected: the number of themes comes from the data
// (the modularity), not from a parameter. The library's random choices are
// drawn from a fixed seed, so the same answers always give the same themes.
// A bounded sample is grouped; the other answers join the nearest theme, so
// 10,000 answers take seconds.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { foldForSearch } from '../text';
import { dot, vectorise, type Feature, type SparseVector } from './vectors';

export interface ThemingOptions {
	/** Groups of words that mean the same (the theme vocabulary and the search's synonyms). */
	vocabulary?: string[][];
	/** At most this many themes: the smallest are merged into their nearest. */
	maxThemes?: number;
	/** Answers grouped to find the themes; the others join them after. */
	sampleSize?: number;
	/** Neighbours each answer is joined to. */
	neighbours?: number;
	/** Louvain's resolution: above 1, more and smaller themes. */
	resolution?: number;
	seed?: number;
	/**
	 * Themes an officer validated, as the indexes of their answers: they are
	 * kept, answers close to them join them, and new themes are proposed only
	 * for the answers that fit none.
	 */
	keep?: number[][];
}

export interface FoundTheme {
	/** Distinctive words and phrases, most distinctive first. */
	terms: string[];
	/** Indexes of the answers, most central first. */
	members: number[];
	/** Which of the validated themes (`keep`) this is. */
	kept?: number;
}

export interface Theming {
	/** Validated themes first, in the order given, then the others largest first. */
	themes: FoundTheme[];
	/** Theme of each answer (index in `themes`); -1 when it shares no word with the others. */
	assignment: number[];
	/** For each answer, the words that put it in its theme. */
	reasons: string[][];
	/** Louvain's modularity on the sample: how clearly the themes separate (0 to 1). */
	modularity: number;
}

const DEFAULTS = { maxThemes: 20, sampleSize: 2000, neighbours: 10, resolution: 1, seed: 41 };
/** A theme is worth reading from this many answers (or 1 % of them). */
const MIN_THEME_SIZE = 4;
/**
 * A new answer joins a validated theme from this cosine similarity to its
 * centre; most answers of a theme sit above it in the evaluation set.
 */
const JOIN_SIMILARITY = 0.3;

export function findThemes(texts: readonly string[], options: ThemingOptions = {}): Theming {
	const settings = { ...DEFAULTS, ...options };
	const { vectors, features } = vectorise(texts, { synonyms: options.vocabulary });
	const usable = vectors.map((v, i) => (v.features.length > 0 ? i : -1)).filter((i) => i >= 0);
	const assignment = new Array<number>(texts.length).fill(-1);
	const minSize = Math.max(MIN_THEME_SIZE, Math.ceil(usable.length / 100));
	const keep = (options.keep ?? []).map((members) =>
		members.filter((i) => vectors[i]?.features.length)
	);

	// Validated themes first: their answers stay, new answers close to them join.
	const kept = keep.map((members) => {
		const centroid = { sum: new Float64Array(features.length), size: 0 };
		for (const i of members) add(centroid, vectors[i]);
		return normalised(centroid.sum);
	});
	keep.forEach((members, theme) => members.forEach((i) => (assignment[i] = theme)));
	const rest: number[] = [];
	for (const i of usable) {
		if (assignment[i] >= 0) continue;
		const theme = kept.length ? nearest(vectors[i], kept) : -1;
		if (theme >= 0 && dot(vectors[i], kept[theme]) >= JOIN_SIMILARITY) assignment[i] = theme;
		else rest.push(i);
	}

	let unit = kept;
	let modularity = 0;
	if (rest.length >= 2 * minSize && settings.maxThemes > kept.length) {
		const sample = sampleOf(rest, settings.sampleSize);
		const found = communitiesOf(
			sample.map((i) => vectors[i]),
			features.length,
			settings
		);
		modularity = found.modularity;
		const fresh = bounded(
			centroidsOf(
				sample.map((i) => vectors[i]),
				found.communities,
				features.length
			),
			minSize,
			settings.maxThemes - kept.length
		).map((c) => normalised(c.sum));
		unit = [...kept, ...fresh];
		for (const i of rest) assignment[i] = kept.length + nearest(vectors[i], fresh);
	}

	const themes = describe(vectors, features, assignment, unit.length, kept.length);
	const renumber = new Map(themes.map((t, index) => [t.index, index]));
	return {
		themes: themes.map(({ terms, members, index }) => ({
			terms,
			members,
			...(index < kept.length ? { kept: index } : {})
		})),
		assignment: assignment.map((a) => (a < 0 ? -1 : renumber.get(a)!)),
		reasons: vectors.map((v, i) => (assignment[i] < 0 ? [] : reasonsFor(v, unit[assignment[i]]))),
		modularity
	};
}

function add(centroid: Centroid, vector: SparseVector): void {
	centroid.size++;
	for (let t = 0; t < vector.features.length; t++)
		centroid.sum[vector.features[t]] += vector.weights[t];
}

/** Every answer when few; otherwise evenly spaced ones, the same for the same input. */
function sampleOf(indexes: number[], size: number): number[] {
	if (indexes.length <= size) return indexes;
	const step = indexes.length / size;
	return Array.from({ length: size }, (_, i) => indexes[Math.floor(i * step)]);
}

/** Mulberry32: a small seeded generator, so Louvain's visiting order is reproducible. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Louvain on the graph joining each answer to its most similar ones. */
function communitiesOf(
	vectors: SparseVector[],
	dimension: number,
	settings: { neighbours: number; resolution: number; seed: number }
): { communities: number[]; modularity: number } {
	const graph = new Graph({ type: 'undirected' });
	vectors.forEach((_, i) => graph.addNode(i));
	const spread = new Float64Array(dimension);
	const row = new Float64Array(vectors.length);
	vectors.forEach((a, i) => {
		for (let t = 0; t < a.features.length; t++) spread[a.features[t]] = a.weights[t];
		for (let j = 0; j < vectors.length; j++) row[j] = j === i ? 0 : dot(vectors[j], spread);
		for (let t = 0; t < a.features.length; t++) spread[a.features[t]] = 0;
		for (const j of topIndexes(row, settings.neighbours)) {
			if (graph.hasEdge(i, j)) continue;
			graph.addEdge(i, j, { weight: row[j] });
		}
	});
	const result = louvain.detailed(graph, {
		getEdgeWeight: 'weight',
		resolution: settings.resolution,
		rng: seeded(settings.seed)
	});
	return {
		communities: vectors.map((_, i) => result.communities[String(i)]),
		modularity: result.modularity
	};
}

/** Indexes of the `count` largest positive values, largest first (ties by index). */
function topIndexes(values: Float64Array, count: number): number[] {
	const best: number[] = [];
	for (let j = 0; j < values.length; j++) {
		if (values[j] <= 0) continue;
		if (best.length === count && values[j] <= values[best[count - 1]]) continue;
		let place = best.length < count ? best.length : count - 1;
		best[place] = j;
		while (place > 0 && values[best[place - 1]] < values[j]) {
			best[place] = best[place - 1];
			best[place - 1] = j;
			place--;
		}
	}
	return best;
}

interface Centroid {
	sum: Float64Array;
	size: number;
}

function centroidsOf(vectors: SparseVector[], communities: number[], dimension: number) {
	const byCommunity = new Map<number, Centroid>();
	vectors.forEach((v, i) => {
		let c = byCommunity.get(communities[i]);
		if (!c) byCommunity.set(communities[i], (c = { sum: new Float64Array(dimension), size: 0 }));
		add(c, v);
	});
	return [...byCommunity.values()];
}

/**
 * Themes too small to read, or beyond the maximum, are merged into the theme
 * closest to them, the smallest first.
 */
function bounded(centroids: Centroid[], minSize: number, maxThemes: number): Centroid[] {
	const themes = [...centroids];
	for (;;) {
		themes.sort((a, b) => a.size - b.size);
		if (themes.length <= 1 || (themes[0].size >= minSize && themes.length <= maxThemes))
			return themes;
		const smallest = themes.shift()!;
		const direction = normalised(smallest.sum);
		let into = themes[0];
		let closest = -Infinity;
		for (const t of themes) {
			const similarity = cosine(direction, t.sum);
			if (similarity > closest) [into, closest] = [t, similarity];
		}
		for (let d = 0; d < into.sum.length; d++) into.sum[d] += smallest.sum[d];
		into.size += smallest.size;
	}
}

function cosine(unit: Float64Array, other: Float64Array): number {
	let product = 0;
	let norm = 0;
	for (let d = 0; d < unit.length; d++) {
		product += unit[d] * other[d];
		norm += other[d] * other[d];
	}
	return norm ? product / Math.sqrt(norm) : 0;
}

function normalised(vector: Float64Array): Float64Array {
	let norm = 0;
	for (const x of vector) norm += x * x;
	norm = Math.sqrt(norm) || 1;
	return vector.map((x) => x / norm);
}

function nearest(vector: SparseVector, centroids: Float64Array[]): number {
	let best = 0;
	let bestScore = -Infinity;
	centroids.forEach((c, index) => {
		const score = dot(vector, c);
		if (score > bestScore) [best, bestScore] = [index, score];
	});
	return best;
}

interface DescribedTheme extends FoundTheme {
	index: number;
}

/** Each non-empty theme with its distinctive terms and members by centrality; validated first, then largest first. */
function describe(
	vectors: SparseVector[],
	features: Feature[],
	assignment: number[],
	count: number,
	keptCount = 0
): DescribedTheme[] {
	const d = features.length;
	const sums = Array.from({ length: count }, () => new Float64Array(d));
	const overall = new Float64Array(d);
	const members: number[][] = Array.from({ length: count }, () => []);
	vectors.forEach((v, i) => {
		if (assignment[i] < 0) return;
		members[assignment[i]].push(i);
		for (let t = 0; t < v.features.length; t++) {
			sums[assignment[i]][v.features[t]] += v.weights[t];
			overall[v.features[t]] += v.weights[t];
		}
	});
	const placed = members.reduce((s, m) => s + m.length, 0);
	return members
		.map((list, index) => {
			const centroid = sums[index].map((x) => x / Math.max(1, list.length));
			const central = list
				.map((i) => ({ i, score: dot(vectors[i], centroid) }))
				.sort((a, b) => b.score - a.score || a.i - b.i)
				.map((m) => m.i);
			const distinctive = [...centroid.keys()]
				.map((t) => ({ t, score: centroid[t] - overall[t] / placed }))
				.filter((x) => x.score > 0)
				.sort((a, b) => b.score - a.score || a.t - b.t);
			return {
				index,
				members: central,
				terms: readableTerms(distinctive.map((x) => features[x.t]))
			};
		})
		.filter((t) => t.members.length > 0 || t.index < keptCount)
		.sort(
			(a, b) =>
				Number(b.index < keptCount) - Number(a.index < keptCount) ||
				(a.index < keptCount ? a.index - b.index : 0) ||
				b.members.length - a.members.length ||
				a.index - b.index
		);
}

/** Up to five terms, a phrase standing for its words, each shown once. */
function readableTerms(ranked: Feature[]): string[] {
	const shown: string[] = [];
	const said = new Set<string>();
	const covered = new Set<string>();
	for (const f of ranked) {
		if (shown.length === 5) break;
		const parts = f.key.startsWith('≈') ? [f.key] : f.key.split(' ');
		if (parts.every((p) => covered.has(p))) continue;
		parts.forEach((p) => covered.add(p));
		// « aidant » and « aidants » are one term to a reader.
		const folded = foldForSearch(f.shown).replace(/(\w{3,})s\b/g, '$1');
		if (said.has(folded)) continue;
		said.add(folded);
		shown.push(f.shown);
	}
	return shown;
}

/** The answer's words that weigh most in its theme. */
function reasonsFor(vector: SparseVector, centroid: Float64Array): string[] {
	return [...vector.features.keys()]
		.map((t) => ({ t, score: vector.weights[t] * centroid[vector.features[t]] }))
		.filter((x) => x.score > 0)
		.sort((a, b) => b.score - a.score)
		.slice(0, 3)
		.map((x) => vector.written[x.t]);
}
