import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalisedMutualInformation } from './agreement';
import { findThemes } from './clustering';
import { evaluateThemes, TUNING_ANSWERS } from './evaluation';
import { THEME_VOCABULARY } from './vocabulary';
import { foldForSearch } from '../text';

describe('agreement with hand labels', () => {
	it('gives the textbook values', () => {
		expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [1, 1, 0, 0])).toBe(1);
		expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714, 4);
		// No pair together in both: (0 − 1.2) / (4.5 − 1.2).
		expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2])).toBeCloseTo(-0.3636, 4);
		expect(normalisedMutualInformation([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 6);
		expect(normalisedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 4);
		expect(normalisedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 6);
	});
});

describe('themes in free-text answers', () => {
	it('agrees with the labelled answers at least as the issue asks', () => {
		const figures = evaluateThemes();
		expect(figures.all.size).toBeGreaterThanOrEqual(400);
		expect(figures.all.labelledThemes).toBeGreaterThanOrEqual(12);
		expect(figures.all.adjustedRand).toBeGreaterThanOrEqual(0.5);
		expect(figures.tuning.adjustedRand).toBeGreaterThanOrEqual(0.55);
		// Held out: written after tuning; measured, not tuned on (see the README).
		expect(figures.heldOut.adjustedRand).toBeGreaterThan(0.2);
	});

	it('gives the same themes for the same answers, and says why each answer is where it is', () => {
		const texts = TUNING_ANSWERS.map((a) => a.text);
		const first = findThemes(texts, { vocabulary: THEME_VOCABULARY });
		const second = findThemes(texts, { vocabulary: THEME_VOCABULARY });
		expect(second).toEqual(first);
		expect(first.themes.length).toBeGreaterThanOrEqual(8);
		expect(first.themes.length).toBeLessThanOrEqual(20);
		const sizes = first.themes.map((t) => t.members.length);
		expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);

		const groupNames = new Set(THEME_VOCABULARY.map((g) => foldForSearch(g[0])));
		first.assignment.forEach((theme, i) => {
			if (theme < 0) return expect(first.reasons[i]).toEqual([]);
			expect(first.themes[theme].members).toContain(i);
			expect(first.reasons[i].length).toBeGreaterThan(0);
			for (const reason of first.reasons[i]) {
				// « bus (transport) »: the answer's word, then the vocabulary group it belongs to.
				const [, said, group] = /^(.*?)(?: \((.+)\))?$/.exec(reason)!;
				if (group) expect(groupNames.has(foldForSearch(group))).toBe(true);
				if (!group && groupNames.has(foldForSearch(said))) continue;
				for (const word of said.split(' '))
					expect(
						foldForSearch(texts[i]).includes(foldForSearch(word).replace(/s$/, '')),
						`${reason} in « ${texts[i]} »`
					).toBe(true);
			}
		});
		const transport = first.themes.find((t) => t.terms[0] === 'transport')!;
		expect(transport.members.length).toBeGreaterThan(20);
		expect(
			transport.members.slice(0, 5).filter((i) => TUNING_ANSWERS[i].theme === 'mobilite').length
		).toBeGreaterThanOrEqual(4);
	});

	it('finds no theme in too few answers, and leaves out answers that share no word', () => {
		expect(findThemes(['le bus', 'le car', 'merci']).themes).toEqual([]);
		const texts = [...TUNING_ANSWERS.slice(0, 60).map((a) => a.text), 'merci', '!!!'];
		const theming = findThemes(texts, { vocabulary: THEME_VOCABULARY });
		expect(theming.assignment.slice(-2)).toEqual([-1, -1]);
		expect(theming.themes.flatMap((t) => t.members)).not.toContain(texts.length - 1);
	});

	it('keeps validated themes when answers are added, and places new answers in them', () => {
		const all = TUNING_ANSWERS;
		const firstIndexes = all.map((_, i) => i).filter((i) => i % 2 === 0);
		const first = findThemes(
			firstIndexes.map((i) => all[i].text),
			{ vocabulary: THEME_VOCABULARY }
		);
		const transport = first.themes.find((t) => t.terms[0] === 'transport')!;
		const validated = transport.members.map((m) => firstIndexes[m]);

		const again = findThemes(
			all.map((a) => a.text),
			{ vocabulary: THEME_VOCABULARY, keep: [validated] }
		);
		const kept = again.themes[0];
		expect(kept.kept).toBe(0);
		expect(again.themes.filter((t) => t.kept !== undefined)).toHaveLength(1);
		expect(kept.members).toEqual(expect.arrayContaining(validated));
		const joined = kept.members.filter((i) => !validated.includes(i));
		const newMobility = all
			.map((a, i) => (a.theme === 'mobilite' && i % 2 === 1 ? i : -1))
			.filter((i) => i >= 0);
		expect(joined.filter((i) => newMobility.includes(i)).length).toBeGreaterThanOrEqual(
			newMobility.length / 2
		);
		expect(joined.filter((i) => all[i].theme !== 'mobilite').length).toBeLessThanOrEqual(
			joined.length / 3
		);
		expect(again.themes.length).toBeGreaterThan(5);
	});

	it('keeps the number of themes within the bound asked', () => {
		const texts = TUNING_ANSWERS.map((a) => a.text);
		const theming = findThemes(texts, { vocabulary: THEME_VOCABULARY, maxThemes: 5 });
		expect(theming.themes.length).toBeLessThanOrEqual(5);
		expect(theming.themes.reduce((s, t) => s + t.members.length, 0)).toBe(
			theming.assignment.filter((a) => a >= 0).length
		);
	});
});
