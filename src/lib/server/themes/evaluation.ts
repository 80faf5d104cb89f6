// How well the theming agrees with answers labelled by hand (evaluation/), and
// how long it takes on many answers: printed by `npm run bench`, held by a test.
import { performance } from 'node:perf_hooks';
import tuning from './evaluation/answers.json';
import heldOut from './evaluation/held-out.json';
import { adjustedRandIndex, normalisedMutualInformation } from './agreement';
import { findThemes } from './clustering';
import { THEME_VOCABULARY } from './vocabulary';

export interface LabelledAnswer {
	text: string;
	theme: string;
}

interface LabelledSet {
	themes: { code: string; answers: string[] }[];
}

const answersOf = (set: LabelledSet): LabelledAnswer[] =>
	set.themes.flatMap((t) => t.answers.map((text) => ({ text, theme: t.code })));

/** Looked at while the method was tuned. */
export const TUNING_ANSWERS = answersOf(tuning);
/** Written after the method was frozen. */
export const HELD_OUT_ANSWERS = answersOf(heldOut);

export interface Agreement {
	size: number;
	labelledThemes: number;
	foundThemes: number;
	adjustedRand: number;
	mutualInformation: number;
}

export function agreementOn(answers: LabelledAnswer[]): Agreement {
	const theming = findThemes(
		answers.map((a) => a.text),
		{ vocabulary: THEME_VOCABULARY }
	);
	const labels = answers.map((a) => a.theme);
	return {
		size: answers.length,
		labelledThemes: new Set(labels).size,
		foundThemes: theming.themes.length,
		adjustedRand: adjustedRandIndex(labels, theming.assignment),
		mutualInformation: normalisedMutualInformation(labels, theming.assignment)
	};
}

export function evaluateThemes(): Record<'all' | 'tuning' | 'heldOut', Agreement> {
	return {
		all: agreementOn([...TUNING_ANSWERS, ...HELD_OUT_ANSWERS]),
		tuning: agreementOn(TUNING_ANSWERS),
		heldOut: agreementOn(HELD_OUT_ANSWERS)
	};
}

/**
 * `count` answers made from the labelled ones as residents combine ideas: a
 * deterministic mix of single answers and pairs (« …, et … »).
 */
export function syntheticAnswers(count: number): string[] {
	const pool = [...TUNING_ANSWERS, ...HELD_OUT_ANSWERS].map((a) => a.text);
	let state = 7;
	const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: count }, () => {
		const first = pool[Math.floor(next() * pool.length)];
		return next() < 0.4 ? `${first}, et ${pool[Math.floor(next() * pool.length)]}` : first;
	});
}

/** Milliseconds to theme `count` answers, and how many themes came out. */
export function timeTheming(count: number): { milliseconds: number; themes: number } {
	const texts = syntheticAnswers(count);
	const start = performance.now();
	const theming = findThemes(texts, { vocabulary: THEME_VOCABULARY });
	return { milliseconds: performance.now() - start, themes: theming.themes.length };
}
