import { describe, expect, it } from 'vitest';
import { contradictions } from './consistency';
import type { RetourFigures } from './figures';

const figures = (pending: number, responses = 137): RetourFigures => ({
	responses: { total: responses, byTerritory: [], byChannel: [] },
	events: [],
	contributions: {
		total: 137,
		byDecision: [
			{ decision: 'prise_en_compte', count: 137 - pending },
			{ decision: null, count: pending }
		]
	},
	fiches: [],
	themes: null
});

describe('a retour’s words against its figures', () => {
	it('warns when the text says every idea was read while some are still being analysed', () => {
		const text = 'Merci ! Nous avons lu toutes vos idées et voici ce que nous retenons.';
		expect(contradictions([text], figures(130))).toEqual([
			'Le texte dit « toutes vos idées », mais 130 contributions sont encore en cours d’analyse sur 137. Décidez de leur suite ou changez la phrase.'
		]);
		expect(contradictions([text], figures(0))).toEqual([]);
		expect(contradictions(['Nous avons lu vos idées.'], figures(130))).toEqual([]);
	});

	it('warns when the text announces another number of responses than the figures', () => {
		expect(contradictions(['Vous êtes 120 réponses à nous avoir écrit.'], figures(0))).toEqual([
			'Le texte annonce 120 réponses ; les chiffres en comptent 137, et se mettent à jour seuls.'
		]);
		expect(contradictions(['137 personnes ont répondu.'], figures(0))).toEqual([]);
	});
});
