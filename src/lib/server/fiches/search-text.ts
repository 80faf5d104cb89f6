import type { Executor } from '../db/database';
import { fromDbJson } from '../db/codecs';
import { foldForSearch } from '../text';

/**
 * Rebuilds each fiche's folded search text (ref, title, description,
 * residents' words, objective, axis, volet, note, key figures): search then ignores accents
 * and case with a portable LIKE, fast enough for a few hundred fiches.
 */
export async function refreshSearchText(db: Executor, ficheId?: number): Promise<void> {
	let query = db
		.selectFrom('fiche')
		.leftJoin('axis', 'axis.code', 'fiche.axis_code')
		.leftJoin('component', 'component.code', 'fiche.component_code')
		.leftJoin('objective', 'objective.id', 'fiche.objective_id')
		.select([
			'fiche.id',
			'fiche.ref',
			'fiche.title',
			'fiche.description',
			'fiche.keywords',
			'fiche.note',
			'fiche.key_figures',
			'axis.name as axis_name',
			'component.name as component_name',
			'objective.title as objective_title'
		]);
	if (ficheId !== undefined) query = query.where('fiche.id', '=', ficheId);
	for (const row of await query.execute()) {
		const text = foldForSearch(
			[
				row.ref,
				row.title,
				row.description,
				row.keywords,
				row.note,
				...fromDbJson<string[]>(row.key_figures, []),
				row.axis_name,
				row.component_name,
				row.objective_title
			]
				.filter(Boolean)
				.join(' ')
		);
		await db
			.updateTable('fiche')
			.set({ search_text: ` ${text} ` })
			.where('id', '=', row.id)
			.execute();
	}
}
