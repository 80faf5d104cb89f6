// Contributions written before the inbox existed get their folded search text.
import type { Executor } from '../db/database';
import { foldForSearch } from '../text';

export async function fillMissingSearchText(db: Executor): Promise<number> {
	const rows = await db
		.selectFrom('contribution')
		.select(['id', 'text'])
		.where('search_text', '=', '')
		.where('text', '!=', '')
		.execute();
	for (const row of rows)
		await db
			.updateTable('contribution')
			.set({ search_text: foldForSearch(row.text) })
			.where('id', '=', row.id)
			.execute();
	return rows.length;
}
