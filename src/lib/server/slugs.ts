// A free address for a new page: the one asked for, or the one proposed from
// the title with -2, -3… when another page has it.
import type { Executor } from './db/database';
import { slugFromTitle } from '$lib/slug';
import { InvalidInputError } from './errors';

type SluggedTable = 'consultation' | 'event' | 'participation_group' | 'retour';

export async function slugFor(
	db: Executor,
	table: SluggedTable,
	input: { slug: string; title: string },
	exceptId?: number
): Promise<string> {
	if (input.slug) return input.slug;
	const base = slugFromTitle(input.title);
	if (base.length < 3)
		throw new InvalidInputError(
			'Écrivez l’adresse : le titre ne suffit pas à la proposer.',
			'slug'
		);
	for (let n = 1; n < 100; n++) {
		const candidate = n === 1 ? base : `${base.slice(0, 56)}-${n}`;
		let query = db.selectFrom(table).select('id').where('slug', '=', candidate);
		if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
		if (!(await query.executeTakeFirst())) return candidate;
	}
	throw new InvalidInputError('Écrivez l’adresse : celles proposées sont toutes prises.', 'slug');
}
