// What each column holds, for the engines that have a type for it. The
// migrations declare SQLite's storage types (0/1 integers, ISO-8601 text,
// JSON text); on PostgreSQL the same columns are created boolean,
// timestamptz, date and jsonb (see ./postgres.ts). A new migration that adds
// such a column adds it here; schema.test.ts checks this list against
// schema.ts's Flag, Day and JsonText columns on PostgreSQL.

/** Columns holding a yes/no, stored 0/1 on SQLite. */
export const FLAG_COLUMNS: Record<string, string[]> = {
	consultation: ['profile_block'],
	contribution: ['contact_consent'],
	draw: ['household_rule'],
	draw_candidate: ['alternate_same_profile', 'selected'],
	invitation_campaign: ['falc'],
	person: ['in_panel'],
	question: ['required'],
	question_option: ['is_other'],
	registration: ['walk_in'],
	retention_run: ['dry_run'],
	retour_request: ['falc'],
	site: ['active'],
	user: ['active']
};

/** Columns holding a calendar day, `YYYY-MM-DD`. */
export const DAY_COLUMNS: Record<string, string[]> = {
	accessibility_audit: ['audited_on'],
	group_membership: ['mandate_start', 'mandate_end'],
	invitation_campaign: ['closes_on'],
	person: ['mandate_start', 'mandate_end'],
	response: ['interview_date'],
	tour_stop: ['day']
};

/** Columns holding a JSON document, as text on SQLite. */
export const JSON_COLUMNS: Record<string, string[]> = {
	accessibility_audit: ['sample'],
	accessibility_criterion: ['statuses'],
	audit_log: ['before', 'after'],
	commune: ['postal_codes'],
	consultation: ['audiences'],
	draw: ['objective_comparison', 'panels', 'pool_filters', 'quotas'],
	draw_candidate: ['profile'],
	event: ['accessibility', 'support'],
	fiche: ['key_figures'],
	invitation_campaign: ['allocation', 'oversampling'],
	person: ['availability', 'needs', 'situations'],
	question: ['condition', 'settings'],
	registration: ['needs'],
	response: ['draft'],
	retention_run: ['counts'],
	setting: ['value'],
	territory: ['challenges'],
	theme: ['terms', 'fiches'],
	theme_analysis: ['scope'],
	theme_member: ['reasons']
};

export type NativeType =
	'boolean' | 'timestamptz' | 'date' | 'jsonb' | 'bigint' | 'double precision' | 'bytea';

const listed = (columns: Record<string, string[]>, table: string, column: string) =>
	columns[table]?.includes(column) ?? false;

/**
 * PostgreSQL's type for a column the migrations declare with SQLite's
 * `declared` type, or null to keep it. Instants follow the naming rule: a
 * text column named `…_at` holds one.
 */
export function nativeTypeOf(table: string, column: string, declared: string): NativeType | null {
	if (declared === 'integer') return listed(FLAG_COLUMNS, table, column) ? 'boolean' : 'bigint';
	if (declared === 'real') return 'double precision';
	if (declared === 'blob') return 'bytea';
	if (declared !== 'text') return null;
	if (listed(DAY_COLUMNS, table, column)) return 'date';
	if (listed(JSON_COLUMNS, table, column)) return 'jsonb';
	if (column.endsWith('_at')) return 'timestamptz';
	return null;
}
