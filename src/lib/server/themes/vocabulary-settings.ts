// The theme vocabulary in force: the groups officers edited, or the defaults.
import type { Executor } from '../db/database';
import { readSetting } from '../settings/settings';
import { THEME_VOCABULARY } from './vocabulary';

export const THEME_VOCABULARY_SETTING = 'theme_vocabulary';

export function themeVocabulary(db: Executor): Promise<string[][]> {
	return readSetting<string[][]>(db, THEME_VOCABULARY_SETTING, THEME_VOCABULARY);
}
