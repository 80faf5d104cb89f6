// Row types as stored. Booleans are 0/1 and dates ISO-8601 text on SQLite;
// services convert them with ./codecs.ts and never return rows.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface SettingTable {
	key: string;
	value: string;
	updated_at: string;
}

export interface TerritoryTable {
	id: Generated<number>;
	code: string;
	name: string;
	challenges: string;
	position: number;
}

export interface EpciTable {
	code: string;
	name: string;
	territory_id: number | null;
}

export interface CommuneTable {
	insee_code: string;
	name: string;
	department_code: string;
	postal_codes: string;
	population: number;
	epci_code: string | null;
	territory_id: number | null;
}

export interface SiteTable {
	id: Generated<number>;
	name: string;
	kind: string;
	commune_insee_code: string | null;
	address: string | null;
	territory_id: number | null;
	note: string | null;
	active: number;
}

export interface ComponentTable {
	code: string;
	name: string;
	position: number;
}

export interface AxisTable {
	code: string;
	name: string;
	kind: string;
	position: number;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	display_name: string;
	role: string;
	password_hash: string | null;
	active: number;
	created_at: string;
	updated_at: string;
	last_login_at: string | null;
}

export interface SessionTable {
	id: string;
	user_id: number;
	expires_at: string;
	created_at: string;
}

export interface PasswordResetTable {
	id: string;
	user_id: number;
	expires_at: string;
	created_at: string;
}

export interface AuditLogTable {
	id: Generated<number>;
	actor_user_id: number | null;
	actor_label: string;
	action: string;
	entity_type: string;
	entity_id: string | null;
	before: string | null;
	after: string | null;
	created_at: string;
}

export interface MailMessageTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	text_body: string | null;
	purpose: string;
	status: string;
	error: string | null;
	created_at: string;
	sent_at: string | null;
}

export interface RateLimitTable {
	key: string;
	window_start: number;
	count: number;
}

export interface ObjectiveTable {
	id: Generated<number>;
	component_code: string;
	axis_code: string | null;
	title: string;
	position: number;
}

export interface FicheTable {
	id: Generated<number>;
	ref: string;
	component_code: string;
	axis_code: string | null;
	objective_id: number | null;
	number: number | null;
	title: string;
	description: Generated<string>;
	/** The latest entry of fiche_status_change, kept here for filtering. */
	status: string | null;
	owner_user_id: number | null;
	direction: string | null;
	partners: string | null;
	territory_id: number | null;
	budget: string | null;
	key_figures: Generated<string>;
	note: string | null;
	search_text: Generated<string>;
	created_at: string;
	updated_at: string;
}

export interface FicheStatusChangeTable {
	id: Generated<number>;
	fiche_id: number;
	status: string | null;
	review_year: number | null;
	comment: string;
	source: string;
	changed_by_user_id: number | null;
	changed_by_label: string;
	changed_at: string;
}

export interface FlagshipActionTable {
	id: Generated<number>;
	year: number;
	rank: number;
	title: string;
	scope: string;
	list_status: string | null;
}

export interface FlagshipActionFicheTable {
	flagship_action_id: number;
	fiche_id: number;
}

export interface FicheFlagshipYearTable {
	fiche_id: number;
	year: number;
}

export interface IndicatorTable {
	id: Generated<number>;
	fiche_id: number;
	label: string;
	unit: string | null;
	position: number;
}

export interface IndicatorValueTable {
	indicator_id: number;
	year: number;
	value: number;
}

export interface ReviewCampaignTable {
	year: number;
	status: string;
	opened_at: string;
	opened_by_label: string;
	published_at: string | null;
}

export interface FicheReviewTable {
	id: Generated<number>;
	fiche_id: number;
	year: number;
	status: string | null;
	text: string;
	submitted_by_user_id: number | null;
	submitted_by_label: string;
	submitted_at: string;
	validated_by_label: string | null;
	validated_at: string | null;
}

export interface Database {
	setting: SettingTable;
	territory: TerritoryTable;
	epci: EpciTable;
	commune: CommuneTable;
	site: SiteTable;
	component: ComponentTable;
	axis: AxisTable;
	user: UserTable;
	session: SessionTable;
	password_reset: PasswordResetTable;
	audit_log: AuditLogTable;
	mail_message: MailMessageTable;
	rate_limit: RateLimitTable;
	objective: ObjectiveTable;
	fiche: FicheTable;
	fiche_status_change: FicheStatusChangeTable;
	flagship_action: FlagshipActionTable;
	flagship_action_fiche: FlagshipActionFicheTable;
	fiche_flagship_year: FicheFlagshipYearTable;
	indicator: IndicatorTable;
	indicator_value: IndicatorValueTable;
	review_campaign: ReviewCampaignTable;
	fiche_review: FicheReviewTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
