// Words that mean the same thing to a resident and to the schéma: « transport »
// finds the fiches about « mobilité ». One group per line, kept in settings;
// officers extend it, the defaults cover the schéma's fields.
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings';
import { foldForSearch } from '../text';
import { prefixStem } from './french-words';

export const DEFAULT_SYNONYMS: string[][] = [
	['transport', 'mobilité', 'déplacement', 'bus', 'véhicule', 'permis de conduire'],
	['logement', 'habitat', 'hébergement', 'loyer'],
	['emploi', 'travail', 'insertion', 'chômage', 'embauche'],
	['enfant', 'enfance', 'jeunesse', 'famille', 'parentalité'],
	['numérique', 'internet', 'informatique', 'ordinateur', 'dématérialisation'],
	['santé', 'soin', 'médecin', 'médical'],
	['handicap', 'autonomie', 'dépendance'],
	['personne âgée', 'senior', 'vieillissement', 'ehpad'],
	['aidant', 'proche aidant', 'répit'],
	['pauvreté', 'précarité', 'revenu', 'rsa'],
	['accueil', 'guichet', 'permanence']
];

const SETTING = 'search_synonyms';
const MAX_GROUPS = 200;
const MAX_WORDS = 20;

export async function getSynonymGroups(db: Executor): Promise<string[][]> {
	return readSetting<string[][]>(db, SETTING, DEFAULT_SYNONYMS);
}

/** The groups as officers edit them: one line per group, words separated by commas. */
/** The groups as the officer edits them. */
export async function synonymGroupsForEditing(
	db: Executor,
	actor: Actor | null
): Promise<string[][]> {
	assertCan(actor, 'fiches.edit');
	return getSynonymGroups(db);
}

export function synonymsText(groups: string[][]): string {
	return groups.map((group) => group.join(', ')).join('\n');
}

/** Groups typed one per line; `maxWords` bounds each group (the theme vocabulary's are longer). */
export function parseSynonyms(text: string, maxWords = MAX_WORDS): string[][] {
	const groups = text
		.split(/\r?\n/)
		.map((line) =>
			[
				...new Set(
					line
						.split(/[,;]/)
						.map((w) => w.trim().replace(/\s+/g, ' '))
						.filter(Boolean)
				)
			].slice(0, maxWords)
		)
		.filter((group) => group.length > 0);
	if (groups.length === 0)
		throw new InvalidInputError('Écrivez au moins un groupe de mots, un par ligne.', 'synonyms');
	if (groups.length > MAX_GROUPS)
		throw new InvalidInputError(`${MAX_GROUPS} groupes au plus.`, 'synonyms');
	const alone = groups.find((g) => g.length < 2);
	if (alone)
		throw new InvalidInputError(
			`La ligne « ${alone[0]} » n’a qu’un mot : écrivez-en au moins deux, séparés par des virgules.`,
			'synonyms'
		);
	if (groups.flat().some((w) => w.length > 40))
		throw new InvalidInputError('Un mot ou une expression fait plus de 40 caractères.', 'synonyms');
	return groups;
}

export async function saveSynonyms(
	db: Db,
	actor: Actor | null,
	groups: string[][] | 'defaults'
): Promise<void> {
	assertCan(actor, 'fiches.edit');
	const value = groups === 'defaults' ? DEFAULT_SYNONYMS : groups;
	await db.transaction().execute(async (tx) => {
		const before = await getSynonymGroups(tx);
		await writeSetting(tx, SETTING, value);
		await recordAudit(tx, {
			actor,
			action: 'settings.synonyms',
			entityType: 'setting',
			entityId: SETTING,
			before,
			after: value
		});
	});
}

/**
 * What one searched word looks for: its stem, and the stems of every word
 * of its groups (an expression counts by its first word). Prefixes of
 * folded words, as the search text is folded.
 */
export function searchStems(word: string, groups: string[][]): string[] {
	const stemOf = (w: string) => prefixStem(foldForSearch(w).split(' ')[0] ?? '');
	const own = stemOf(word);
	const stems = new Set([own]);
	for (const group of groups) {
		const groupStems = group.map(stemOf);
		if (groupStems.includes(own)) for (const s of groupStems) stems.add(s);
	}
	return [...stems].filter((s) => s.length >= 2);
}
