// Which fiches-actions a contribution most likely concerns: BM25 over each
// fiche's title, residents' words, description and axis, plus the
// contributions officers already linked to it (what residents say in their
// own words), with the officers' synonym groups widening the query.
import type { Executor } from '../db/database';
import { getSynonymGroups } from '../search/synonyms';
import { TextIndex } from './text-index';

export interface Suggestion {
	ficheId: number;
	ref: string;
	title: string;
	score: number;
	/** The contribution's words that led to this fiche, for the officer to judge. */
	matched: string[];
}

export const SUGGESTION_COUNT = 5;

export async function ficheIndex(db: Executor): Promise<TextIndex<number>> {
	const [fiches, linked, synonyms] = await Promise.all([
		db
			.selectFrom('fiche')
			.leftJoin('axis', 'axis.code', 'fiche.axis_code')
			.select([
				'fiche.id',
				'fiche.title',
				'fiche.description',
				'fiche.keywords',
				'axis.name as axis_name'
			])
			.where((eb) => eb.or([eb('fiche.status', 'is', null), eb('fiche.status', '!=', 'supprimee')]))
			.execute(),
		db
			.selectFrom('contribution_link')
			.innerJoin('contribution', 'contribution.id', 'contribution_link.contribution_id')
			.select(['contribution_link.fiche_id', 'contribution.text'])
			.where((eb) =>
				eb.or([
					eb('contribution_link.decision', 'is', null),
					eb('contribution_link.decision', 'not in', ['hors_champ'])
				])
			)
			.execute(),
		getSynonymGroups(db)
	]);
	const extra = new Map<number, string[]>();
	for (const l of linked) extra.set(l.fiche_id, [...(extra.get(l.fiche_id) ?? []), l.text]);
	return new TextIndex(
		fiches.map((f) => ({
			key: f.id,
			// The title says what the action is about: it counts twice.
			text: [
				f.title,
				f.title,
				f.keywords,
				f.description,
				f.axis_name ?? '',
				...(extra.get(f.id) ?? [])
			].join(' ')
		})),
		{ synonyms }
	);
}

export async function suggestFiches(
	db: Executor,
	text: string,
	options: { exclude?: number[]; limit?: number; index?: TextIndex<number> } = {}
): Promise<Suggestion[]> {
	const index = options.index ?? (await ficheIndex(db));
	const exclude = new Set(options.exclude ?? []);
	const ranked = index
		.rank(text, (options.limit ?? SUGGESTION_COUNT) + exclude.size)
		.filter((r) => !exclude.has(r.key))
		.slice(0, options.limit ?? SUGGESTION_COUNT);
	if (!ranked.length) return [];
	const fiches = await db
		.selectFrom('fiche')
		.select(['id', 'ref', 'title'])
		.where(
			'id',
			'in',
			ranked.map((r) => r.key)
		)
		.execute();
	return ranked.map((r) => {
		const fiche = fiches.find((f) => f.id === r.key)!;
		return {
			ficheId: r.key,
			ref: fiche.ref,
			title: fiche.title,
			score: r.score,
			matched: r.matched
		};
	});
}
