// Demo rows found by what a person would call them (a slug, an e-mail, a
// title), in this worker's database, rather than by ids that change with
// the seed.
import Database from 'better-sqlite3';
import { onPostgres, psql, workerDatabasePath, workerIndex } from './worker-server';

type Finder = { table: string; column: string; value: string; like?: boolean };

/** The id the query finds in this worker's database, or an error that says what was missing. */
function findId(query: string, values: string[], missing: string): number {
	if (onPostgres) {
		// psql's variables, quoted by psql: :'v1', :'v2'…
		let n = 0;
		const found = psql(
			`concerto_e2e_${workerIndex()}`,
			query.replace(/\?/g, () => `:'v${++n}'`),
			Object.fromEntries(values.map((value, i) => [`v${i + 1}`, value]))
		);
		if (!found) throw new Error(`${missing} dans la démonstration`);
		return Number(found.split('\n')[0]);
	}
	const db = new Database(workerDatabasePath(), { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare(query).get(...values) as { id: number } | undefined;
		if (!row) throw new Error(`${missing} dans la démonstration`);
		return row.id;
	} finally {
		db.close();
	}
}

/** One row the query finds in this worker's database (either engine), or undefined. */
export function demoRow<T>(query: string, values: (string | number)[] = []): T | undefined {
	if (onPostgres) {
		let n = 0;
		const found = psql(
			`concerto_e2e_${workerIndex()}`,
			`select row_to_json(t) from (${query.replace(/\?/g, () => `:'v${++n}'`)}) t`,
			Object.fromEntries(values.map((value, i) => [`v${i + 1}`, String(value)]))
		);
		return found ? (JSON.parse(found.split('\n')[0]) as T) : undefined;
	}
	const db = new Database(workerDatabasePath(), { readonly: true, fileMustExist: true });
	try {
		return db.prepare(query).get(...values) as T | undefined;
	} finally {
		db.close();
	}
}

function idOf({ table, column, value, like }: Finder): number {
	if (!/^[a-z_]+$/.test(table) || !/^[a-z_]+$/.test(column)) throw new Error('Nom invalide');
	return findId(
		`select id from "${table}" where "${column}" ${like ? 'like' : '='} ? order by id limit 1`,
		[like ? `${value}%` : value],
		`Pas de ${table} où ${column} = « ${value} »`
	);
}

export const demoConsultation = (slug: string) =>
	idOf({ table: 'consultation', column: 'slug', value: slug });
export const demoEvent = (slug: string) => idOf({ table: 'event', column: 'slug', value: slug });
export const demoGroup = (slug: string) =>
	idOf({ table: 'participation_group', column: 'slug', value: slug });
export const demoRetour = (slug: string) => idOf({ table: 'retour', column: 'slug', value: slug });
export const demoDraw = (title: string) => idOf({ table: 'draw', column: 'title', value: title });
export const demoCampaign = (title: string) =>
	idOf({ table: 'invitation_campaign', column: 'title', value: title });
export const demoPerson = (email: string) =>
	idOf({ table: 'person', column: 'email', value: email });
export const demoUser = (email: string) => idOf({ table: 'user', column: 'email', value: email });
export const demoSite = (name: string) => idOf({ table: 'site', column: 'name', value: name });
export const demoTheme = (label: string) => idOf({ table: 'theme', column: 'label', value: label });
/** The analysis of the themes a demo theme belongs to. */
export const demoThemeAnalysis = (label: string) =>
	findId(
		'select analysis_id as id from theme where label = ?',
		[label],
		`Aucun thème « ${label} »`
	);
/** The first contribution whose text starts so. */
export const demoContribution = (start: string) =>
	idOf({ table: 'contribution', column: 'text', value: start, like: true });

/** A question of a consultation, by its wording. */
export function demoQuestion(consultationSlug: string, label: string): number {
	return findId(
		`select q.id from question q
		 join consultation_section s on s.id = q.section_id
		 join consultation c on c.id = s.consultation_id
		 where c.slug = ? and q.label = ?`,
		[consultationSlug, label],
		`Pas de question « ${label} » dans ${consultationSlug}`
	);
}
