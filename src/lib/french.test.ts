import { describe, expect, it } from 'vitest';
import {
	compareFrench,
	de,
	frenchSortKey,
	leOuLa,
	sentence,
	sortFrench,
	typographie
} from './french';
import { typographieTemplate } from './typographie.js';
import {
	formatParisDate,
	formatParisDateTime,
	formatParisShortDateTime,
	premier
} from './paris-time';

const COMMUNES = [
	'Saint-Viâtre',
	'Épuisay',
	'Vendôme',
	'Saint-Étienne-des-Guérets',
	'Épiais',
	'Azé',
	'Éveux'
];
const FRENCH_ORDER = [
	'Azé',
	'Épiais',
	'Épuisay',
	'Éveux',
	'Saint-Étienne-des-Guérets',
	'Saint-Viâtre',
	'Vendôme'
];

describe('French order', () => {
	it('sorts communes and names as a French reader expects, in code and by key', () => {
		expect(sortFrench(COMMUNES, (c) => c)).toEqual(FRENCH_ORDER);
		expect([...COMMUNES].sort((a, b) => (frenchSortKey(a) < frenchSortKey(b) ? -1 : 1))).toEqual(
			FRENCH_ORDER
		);
		expect(compareFrench('Maison 2', 'Maison 10')).toBeLessThan(0);
		expect(frenchSortKey('Maison 2') < frenchSortKey('Maison 10')).toBe(true);
		expect(frenchSortKey('Œuvre') < frenchSortKey('Ouzouer')).toBe(true);
		expect(frenchSortKey('eric') < frenchSortKey('Éric')).toBe(true);
	});
});

describe('French typography', () => {
	it('puts no-break spaces inside guillemets and before : ; ! ?', () => {
		expect(typographie('« Mon avis citoyen » : oui ; non ! vraiment ?')).toBe(
			'«\u00a0Mon avis citoyen\u00a0»\u00a0: oui\u202f; non\u202f! vraiment\u202f?'
		);
		expect(typographie('https://exemple.fr/?a=1 et 10:30')).toBe(
			'https://exemple.fr/?a=1 et 10:30'
		);
	});

	it('applies to a template’s text and text props, never to code, attributes or raw text', () => {
		const source = [
			'<script>const s = "« a » : b";</script>',
			'<p class="x : y">Répondez à « Mon avis',
			'\tcitoyen » : {count} ?</p>',
			'<Field label="Nom : prénom" value="a : b" />',
			'{#if a > b}<textarea>« brut »</textarea>{/if}',
			'<style>a::after { content: " : "; }</style>'
		].join('\n');
		const out = typographieTemplate(source);
		expect(out.split('\n')).toHaveLength(source.split('\n').length);
		expect(out).toContain('<script>const s = "« a » : b";</script>');
		expect(out).toContain('<p class="x : y">Répondez à «\u00a0Mon avis');
		expect(out).toContain('citoyen\u00a0»\u00a0: {count}\u202f?</p>');
		expect(out).toContain('label="Nom\u00a0: prénom" value="a : b"');
		expect(out).toContain('<textarea>« brut »</textarea>');
		expect(out).toContain('content: " : ";');
		// A guillemet at the end of a line: the line break moves into a comment.
		expect(typographieTemplate('<p>Le «\n\tpanel »</p>')).toBe(
			'<p>Le «<!--\n-->\u00a0panel\u00a0»</p>'
		);
	});

	it('elides before a vowel and a mute h, not before an aspirated h', () => {
		expect(`liste d’attente ${de('Atelier parents')}`).toBe('liste d’attente d’Atelier parents');
		expect(de('Blois')).toBe('de Blois');
		expect(de('Haut-Vendômois')).toBe('de Haut-Vendômois');
		expect(de('habitants')).toBe('d’habitants');
		expect(leOuLa('atelier', false)).toBe('l’atelier');
		expect(leOuLa('réunion', true)).toBe('la réunion');
		expect(sentence('Awa D., David M.')).toBe('Awa D., David M.');
		expect(sentence('personne pour l’instant')).toBe('personne pour l’instant.');
	});
});

describe('dates in Paris, written the French way', () => {
	it('says « 1er » and uses Paris time whatever the server’s zone', () => {
		const lateNightUtc = new Date('2026-11-30T23:30:00Z');
		expect(formatParisDate(lateNightUtc)).toBe('1er décembre 2026');
		expect(formatParisDateTime(lateNightUtc)).toBe('1er décembre 2026 à 00:30');
		expect(formatParisShortDateTime(lateNightUtc)).toBe('01/12/2026\u00a000:30');
		expect(formatParisDate(new Date('2026-12-11T12:00:00Z'))).toBe('11 décembre 2026');
		expect(premier('du 21 mars au 1 avril')).toBe('du 21 mars au 1er avril');
	});
});
