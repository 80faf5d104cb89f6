// The theme vocabulary in force: the groups officers edited, or the defaults.
// Kept apart from the search's synonyms: a search widens (« transport » finds
// « mobilité »), themes must separate (measured: the search's groups, which
// join « jeunesse » and « parentalité », lowered the agreement with the labels).
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { readSetting, writeSetting } from '../settings/settings';
import { THEME_VOCABULARY } from './vocabulary';

export const THEME_VOCABULARY_SETTING = 'theme_vocabulary';
/** Words a group may hold: a field of social policy has many. */
export const THEME_GROUP_MAX_WORDS = 60;

export function themeVocabulary(db: Executor): Promise<string[][]> {
	return readSetting<string[][]>(db, THEME_VOCABULARY_SETTING, THEME_VOCABULARY);
}

export async function themeVocabularyForEditing(
	db: Executor,
	actor: Actor | null
): Promise<string[][]> {
	assertCan(actor, 'contributions.manage');
	return themeVocabulary(db);
}

/** Takes effect at the next computation of each analysis. */
export async function saveThemeVocabulary(
	db: Db,
	actor: Actor | null,
	groups: string[][] | 'defaults'
): Promise<void> {
	assertCan(actor, 'contributions.manage');
	const value = groups === 'defaults' ? THEME_VOCABULARY : groups;
	await db.transaction().execute(async (tx) => {
		const before = await themeVocabulary(tx);
		await writeSetting(tx, THEME_VOCABULARY_SETTING, value);
		await recordAudit(tx, {
			actor,
			action: 'settings.theme_vocabulary',
			entityType: 'setting',
			entityId: THEME_VOCABULARY_SETTING,
			before,
			after: value
		});
	});
}
