// Stored codes speak the domain's language: most were French already
// (« brouillon », « ouverte », « inscrit », « habitants »); the few English
// ones are renamed so that one vocabulary holds in the database, the exports
// and the URLs. The audit log keeps the words of its time.
import type { Kysely } from 'kysely';

const RENAMES: { table: string; column: string; codes: Record<string, string> }[] = [
	{
		table: 'question',
		column: 'kind',
		codes: {
			single: 'choix_unique',
			multiple: 'choix_multiple',
			scale: 'echelle',
			yesno: 'oui_non',
			short_text: 'texte_court',
			long_text: 'texte_long',
			ranking: 'classement',
			number: 'nombre'
		}
	},
	{ table: 'consultation', column: 'access', codes: { members: 'membres', staff: 'agents' } },
	{
		table: 'consultation',
		column: 'identity',
		codes: { anonymous: 'anonyme', identified: 'nominative' }
	},
	{ table: 'response', column: 'status', codes: { draft: 'brouillon', submitted: 'envoyee' } },
	{
		table: 'mail_message',
		column: 'status',
		codes: { pending: 'en_attente', sent: 'envoye', retained: 'retenu', failed: 'echec' }
	},
	{ table: 'review_campaign', column: 'status', codes: { open: 'ouverte', published: 'publiee' } },
	{
		table: 'fiche_status_change',
		column: 'source',
		codes: { edit: 'modification', review: 'bilan' }
	},
	{ table: 'axis', column: 'kind', codes: { sectoral: 'sectoriel', strategic: 'strategique' } },
	{ table: 'privacy_request', column: 'outcome', codes: { erased: 'efface' } },
	{ table: 'retour_delivery', column: 'channel', codes: { email: 'courriel' } }
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rename(db: Kysely<any>, reverse: boolean): Promise<void> {
	for (const { table, column, codes } of RENAMES) {
		for (const [english, french] of Object.entries(codes)) {
			const [from, to] = reverse ? [french, english] : [english, french];
			await db
				.updateTable(table)
				.set({ [column]: to })
				.where(column, '=', from)
				.execute();
		}
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await rename(db, false);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await rename(db, true);
}
