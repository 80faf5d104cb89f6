// Fiche-action references typed in forms that link things to fiches.
import type { Executor } from '../db/database';
import { InvalidInputError } from '../errors';

/** The references typed in one field (« AUT-27, hab-09 »), upper-cased, each once. */
export function splitFicheRefs(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[\s,;]+/)
				.map((r) => r.trim().toUpperCase())
				.filter(Boolean)
		)
	];
}

/** « AUT-27, NUM-02 » typed by an officer → fiche ids; unknown refs are named in the error. */
export async function ficheIdsFromRefs(db: Executor, asked: readonly string[]): Promise<number[]> {
	const refs = [...new Set(asked)];
	if (refs.length === 0) return [];
	const rows = await db
		.selectFrom('fiche')
		.select(['id', 'ref'])
		.where('ref', 'in', refs)
		.execute();
	const unknown = refs.filter((r) => !rows.some((row) => row.ref === r));
	if (unknown.length)
		throw new InvalidInputError(
			`Fiche-action inconnue : ${unknown.join(', ')}. Utilisez les références du schéma (par exemple AUT-27).`,
			'ficheRefs'
		);
	return rows.map((r) => r.id);
}
