import { describe, expect, it } from 'vitest';
import { createTestDatabase, createTestUser } from '../testing';
import { ForbiddenError } from '../errors';
import {
	DEFAULT_SYNONYMS,
	getSynonymGroups,
	parseSynonyms,
	saveSynonyms,
	searchStems,
	synonymsText
} from './synonyms';

describe('search synonyms', () => {
	it('expands a word to its group, stemmed, whatever its accents or plural', () => {
		expect(searchStems('transports', DEFAULT_SYNONYMS)).toEqual(
			expect.arrayContaining(['transport', 'mobil', 'deplac', 'bus'])
		);
		expect(searchStems('Mobilité', DEFAULT_SYNONYMS)).toContain('transport');
		expect(searchStems('boulangerie', DEFAULT_SYNONYMS)).toEqual(['boulangeri']);
	});

	it('are edited by officers one group per line, checked, audited, and reset', async () => {
		const db = await createTestDatabase();
		const agent = (await createTestUser(db, 'agent')).actor;
		const pilote = (await createTestUser(db, 'pilote')).actor;
		expect(parseSynonyms('covoiturage, transport solidaire ; navette\n\n')).toEqual([
			['covoiturage', 'transport solidaire', 'navette']
		]);
		expect(() => parseSynonyms('')).toThrow(/au moins un groupe/);
		expect(() => parseSynonyms('seul')).toThrow(/« seul » n’a qu’un mot/);
		const mine = [...DEFAULT_SYNONYMS, ['covoiturage', 'navette']];
		await expect(saveSynonyms(db, pilote, mine)).rejects.toBeInstanceOf(ForbiddenError);
		await saveSynonyms(db, agent, mine);
		expect(await getSynonymGroups(db)).toEqual(mine);
		expect(
			synonymsText(await getSynonymGroups(db))
				.split('\n')
				.at(-1)
		).toBe('covoiturage, navette');
		await saveSynonyms(db, agent, 'defaults');
		expect(await getSynonymGroups(db)).toEqual(DEFAULT_SYNONYMS);
	});
});
