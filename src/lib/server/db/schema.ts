// Row types as stored, checked against the migrated database by schema.test.ts.
// Booleans are 0/1 and dates ISO-8601 text on SQLite;
// services convert them with ./codecs.ts and never return rows.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
// Columns that hold a code of the glossary are typed with its union.
import type { Role } from '../auth/permissions';
import type { CampaignStatus, FicheStatus, StatusChangeSource } from '$lib/fiche-status';
import type {
	AccessMode,
	Audience,
	Channel,
	IdentityMode,
	QuestionKind,
	ResponseStatus
} from '$lib/consultation-vocabulary';
import type { MailState } from '../mail/status';
import type { ContributionSource, ContributionState, Decision } from '$lib/contribution-vocabulary';
import type {
	EventAudience,
	EventStatus,
	ParticipantCategory,
	RegistrationStatus
} from '$lib/event-vocabulary';
import type {
	DrawAnswer,
	GroupRole,
	InvitationAnswer,
	InvitationChannel,
	PersonSource,
	PersonStatus
} from '$lib/panel-vocabulary';

/** A yes/no: 0 or 1 (boolean on PostgreSQL, read back as 0/1). */
export type Flag = number;
/** An instant as ISO-8601 text in UTC (timestamptz on PostgreSQL). */
export type Instant = string;
/** A calendar day, `YYYY-MM-DD` (date on PostgreSQL). */
export type Day = string;
/** A JSON document as text (jsonb on PostgreSQL). */
export type JsonText = string;

export interface SettingTable {
	key: string;
	value: JsonText;
	updated_at: Instant;
}

export interface TerritoryTable {
	id: Generated<number>;
	code: string;
	name: string;
	challenges: JsonText;
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
	postal_codes: JsonText;
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
	active: Flag;
	directions: string | null;
}

export interface ComponentTable {
	code: string;
	name: string;
	position: number;
}

export interface AxisTable {
	code: string;
	name: string;
	kind: 'sectoriel' | 'strategique';
	position: number;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	display_name: string;
	role: Role;
	password_hash: string | null;
	active: Flag;
	created_at: Instant;
	updated_at: Instant;
	last_login_at: Instant | null;
}

export interface SessionTable {
	id: string;
	user_id: number;
	expires_at: Instant;
	created_at: Instant;
}

export interface PasswordResetTable {
	id: string;
	user_id: number;
	expires_at: Instant;
	created_at: Instant;
}

export interface AuditLogTable {
	id: Generated<number>;
	actor_user_id: number | null;
	actor_label: string;
	action: string;
	entity_type: string;
	entity_id: string | null;
	before: JsonText | null;
	after: JsonText | null;
	created_at: Instant;
}

export interface MailMessageTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	text_body: string | null;
	purpose: string;
	status: MailState;
	error: string | null;
	created_at: Instant;
	sent_at: Instant | null;
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
	/** Residents' words for the action, comma-separated (suggestions and search). */
	keywords: Generated<string>;
	/** The latest entry of fiche_status_change, kept here for filtering. */
	status: FicheStatus | null;
	owner_user_id: number | null;
	direction: string | null;
	partners: string | null;
	territory_id: number | null;
	budget: string | null;
	key_figures: Generated<JsonText>;
	note: string | null;
	search_text: Generated<string>;
	created_at: Instant;
	updated_at: Instant;
}

export interface FicheStatusChangeTable {
	id: Generated<number>;
	fiche_id: number;
	status: FicheStatus | null;
	review_year: number | null;
	comment: string;
	source: StatusChangeSource;
	changed_by_user_id: number | null;
	changed_by_label: string;
	changed_at: Instant;
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
	status: CampaignStatus;
	opened_at: Instant;
	opened_by_label: string;
	published_at: Instant | null;
}

export interface FicheReviewTable {
	id: Generated<number>;
	fiche_id: number;
	year: number;
	status: string | null;
	text: string;
	submitted_by_user_id: number | null;
	submitted_by_label: string;
	submitted_at: Instant;
	validated_by_label: string | null;
	validated_at: Instant | null;
}

export interface ConsultationTable {
	id: Generated<number>;
	slug: string;
	title: string;
	presentation: string;
	falc_summary: string;
	audiences: JsonText;
	access: AccessMode;
	identity: IdentityMode;
	profile_block: Flag;
	opens_at: Instant;
	closes_at: Instant;
	published_at: Instant | null;
	closed_early_at: Instant | null;
	results_published_at: Instant | null;
	created_at: Instant;
	updated_at: Instant;
}

export interface ConsultationAxisTable {
	consultation_id: number;
	axis_code: string;
}

export interface ConsultationFicheTable {
	consultation_id: number;
	fiche_id: number;
}

export interface ConsultationSectionTable {
	id: Generated<number>;
	consultation_id: number;
	position: number;
	title: string;
	description: string;
}

export interface QuestionTable {
	id: Generated<number>;
	consultation_id: number;
	section_id: number;
	position: number;
	kind: QuestionKind;
	label: string;
	help: string;
	required: Flag;
	settings: JsonText;
	condition: JsonText | null;
	profile_key: string | null;
}

export interface QuestionOptionTable {
	id: Generated<number>;
	question_id: number;
	position: number;
	label: string;
	is_other: Flag;
}

export interface InvitationCodeTable {
	id: Generated<number>;
	consultation_id: number;
	code: string;
	batch: number;
	sent_to: string | null;
	created_at: Instant;
	used_at: Instant | null;
}

export interface ResponseTable {
	id: Generated<number>;
	consultation_id: number;
	status: ResponseStatus;
	channel: Channel;
	audience: Audience | null;
	draft: JsonText | null;
	draft_token_hash: string | null;
	resume_code_hash: string | null;
	submission_key: string | null;
	receipt_code: string | null;
	invitation_code_id: number | null;
	respondent_user_id: number | null;
	entered_by_user_id: number | null;
	entered_by_label: string | null;
	interview_place: string | null;
	interview_date: Day | null;
	interview_commune_insee_code: string | null;
	tour_stop_id: number | null;
	commune_insee_code: string | null;
	territory_id: number | null;
	age_band: string | null;
	started_at: Instant;
	updated_at: Instant;
	submitted_at: Instant | null;
}

export interface ConsultationParticipationTable {
	consultation_id: number;
	user_id: number;
	answered_at: Instant;
}

export interface AnswerTable {
	id: Generated<number>;
	response_id: number;
	question_id: number;
	option_id: number | null;
	number_value: number | null;
	text_value: string | null;
}

/** Submitted responses counted per combination of dimensions (0 or '' when not given). */
export interface ResponseTallyTable {
	consultation_id: number;
	territory_id: number;
	audience: Audience | '';
	channel: Channel;
	age_band: string;
	n: number;
}

/** Answers counted per question, option or value and combination of dimensions. */
export interface AnswerTallyTable {
	question_id: number;
	/** 0 when the answer has no option. */
	option_id: number;
	/** A number as text, a date or a commune code; '' otherwise. */
	value_key: string;
	number_value: number | null;
	territory_id: number;
	audience: Audience | '';
	channel: Channel;
	age_band: string;
	n: number;
}

export interface ContributionTable {
	id: Generated<number>;
	source: ContributionSource;
	consultation_id: number | null;
	response_id: number | null;
	question_id: number | null;
	text: string;
	commune_insee_code: string | null;
	territory_id: number | null;
	triage_state: Generated<ContributionState>;
	created_at: Instant;
	event_id: number | null;
	entered_by_label: string | null;
	author_user_id: number | null;
	author_name: string | null;
	contact_email: string | null;
	contact_consent: Generated<Flag>;
	assigned_user_id: number | null;
	merged_into_id: number | null;
	public_text: string | null;
	receipt_code: string | null;
	mask_reason: string | null;
	search_text: Generated<string>;
	updated_at: Instant | null;
}

export interface ContributionTagTable {
	contribution_id: number;
	tag: string;
}

export interface ContributionLinkTable {
	id: Generated<number>;
	contribution_id: number;
	fiche_id: number;
	decision: Decision | null;
	explanation: Generated<string>;
	linked_by: number | null;
	linked_at: Instant;
	decided_by: number | null;
	decided_at: Instant | null;
}

export interface ContactSubscriptionTable {
	email: string;
	token_hash: string;
	created_at: Instant;
	last_digest_at: Instant | null;
	unsubscribed_at: Instant | null;
}

export interface RetourTable {
	id: Generated<number>;
	slug: string;
	title: string;
	body: Generated<string>;
	falc_body: Generated<string>;
	consultation_id: number | null;
	published_at: Instant | null;
	created_by: number | null;
	created_at: Instant;
	updated_at: Instant;
}

export interface RetourEventTable {
	retour_id: number;
	event_id: number;
}

export interface RetourRequestTable {
	id: Generated<number>;
	consultation_id: number | null;
	event_id: number | null;
	name: Generated<string>;
	email: string | null;
	postal_address: string | null;
	falc: Generated<Flag>;
	consent_text_version: string;
	token_hash: string;
	created_at: Instant;
	unsubscribed_at: Instant | null;
}

export interface RetourDeliveryTable {
	id: Generated<number>;
	retour_id: number;
	request_id: number;
	channel: 'courriel' | 'courrier';
	status: Generated<string>;
	attempts: Generated<number>;
	last_error: string | null;
	sent_at: Instant | null;
	created_at: Instant;
	/** When an instance took it to send; another may take it back an hour later (a crash). */
	claimed_at: Instant | null;
}

/** A background job that one instance runs at a time, until `expires_at`. */
export type ThemeAnalysisStatus = 'en_attente' | 'en_cours' | 'prete' | 'echec';
export type ThemeStatus = 'proposee' | 'validee';
export type ThemePlacement = 'calcul' | 'agent';

export interface ThemeAnalysisTable {
	id: Generated<number>;
	/** Canonical JSON of the filters: one analysis per set of contributions. */
	scope_key: string;
	scope: JsonText;
	title: string;
	status: ThemeAnalysisStatus;
	progress: Generated<number>;
	contribution_count: Generated<number>;
	modularity: number | null;
	error: string | null;
	requested_by: number | null;
	requested_at: Instant;
	claimed_at: Instant | null;
	finished_at: Instant | null;
}

export interface ThemeTable {
	id: Generated<number>;
	analysis_id: number;
	label: string;
	/** JSON array of distinctive words and phrases. */
	terms: JsonText;
	/** JSON array of the references of the fiches-actions its answers most concern. */
	fiches: JsonText;
	status: ThemeStatus;
	tag: string | null;
	validated_by: number | null;
	validated_at: Instant | null;
	created_at: Instant;
}

export interface ThemeMemberTable {
	analysis_id: number;
	contribution_id: number;
	theme_id: number;
	centrality: number;
	/** JSON array of the words that put it in its theme. */
	reasons: JsonText;
	placed_by: ThemePlacement;
}

export interface JobLeaseTable {
	name: string;
	/** The instance holding it (host and process). */
	holder: string;
	expires_at: Instant;
}

export interface EventKindTable {
	code: string;
	label: string;
}

export interface EventTable {
	id: Generated<number>;
	slug: string;
	kind: string;
	title: string;
	description: string;
	site_id: number | null;
	place_name: string | null;
	address: string | null;
	commune_insee_code: string | null;
	territory_id: number | null;
	access_directions: string;
	starts_at: Instant;
	ends_at: Instant;
	audience: EventAudience;
	capacity: number | null;
	registration_opens_at: Instant | null;
	registration_closes_at: Instant | null;
	accessibility: JsonText;
	support: JsonText;
	consultation_id: number | null;
	status: EventStatus;
	cancellation_reason: string | null;
	minutes: Generated<string>;
	minutes_published_at: Instant | null;
	reported_participants: number | null;
	reported_residents: number | null;
	created_at: Instant;
	updated_at: Instant;
	group_id: number | null;
}

export interface EventFicheTable {
	event_id: number;
	fiche_id: number;
}

export interface RegistrationTable {
	id: Generated<number>;
	event_id: number;
	status: RegistrationStatus;
	name: string;
	email: string | null;
	phone: string | null;
	postal_address: string | null;
	needs: JsonText;
	needs_detail: string;
	category: ParticipantCategory | null;
	consent_text_version: string | null;
	consented_at: Instant | null;
	cancel_token_hash: string | null;
	receipt_code: string | null;
	walk_in: Generated<Flag>;
	user_id: number | null;
	created_at: Instant;
	updated_at: Instant;
	promoted_at: Instant | null;
	cancelled_at: Instant | null;
	reminded_at: Instant | null;
	checked_in_at: Instant | null;
	needs_arranged_at: Instant | null;
	/** The officer's name at the time, kept as text like the audit log's label. */
	needs_arranged_by: string | null;
}

export interface PersonTable {
	id: Generated<number>;
	pseudonym: string;
	first_name: string;
	last_name: string;
	email: string | null;
	email_confirmed_at: Instant | null;
	phone: string | null;
	postal_address: string | null;
	household_key: string | null;
	commune_insee_code: string | null;
	territory_id: number | null;
	age_band: string | null;
	gender: string | null;
	situations: Generated<JsonText>;
	availability: Generated<JsonText>;
	needs: Generated<JsonText>;
	needs_detail: Generated<string>;
	in_panel: Generated<Flag>;
	status: Generated<PersonStatus>;
	source: PersonSource;
	mandate_start: Day | null;
	mandate_end: Day | null;
	renewal_reminded_at: Instant | null;
	user_id: number | null;
	entered_by: number | null;
	created_at: Instant;
	updated_at: Instant;
	left_at: Instant | null;
}

export interface ConsentTable {
	id: Generated<number>;
	person_id: number;
	purpose: string;
	text_version: string;
	collected_by: string;
	given_at: Instant;
	withdrawn_at: Instant | null;
}

export interface PersonTokenTable {
	id: Generated<number>;
	person_id: number;
	purpose: string;
	token_hash: string;
	created_at: Instant;
	expires_at: Instant | null;
}

export interface PanelTargetTable {
	criterion: string;
	value: string;
	share: number;
}

export interface DrawTable {
	id: Generated<number>;
	title: string;
	purpose: Generated<string>;
	parent_draw_id: number | null;
	size: number;
	household_rule: Flag;
	pool_filters: JsonText;
	quotas: JsonText;
	algorithm: string;
	seed: string;
	inputs_hash: string;
	lottery_size: number;
	panels: JsonText;
	min_probability: number;
	lottery_min_probability: number;
	seconds: number;
	ticket: number | null;
	ticket_source: string | null;
	created_by: number | null;
	created_at: Instant;
	drawn_by: number | null;
	drawn_at: Instant | null;
	objective: Generated<string>;
	objective_comparison: JsonText | null;
	alternates_requested: Generated<number>;
	guaranteed_declines: number | null;
}

export interface DrawCandidateTable {
	draw_id: number;
	person_id: number | null;
	pseudonym: string;
	profile: JsonText;
	probability: number;
	lottery_probability: number;
	selected: Generated<Flag>;
	answer: DrawAnswer | null;
	alternate_rank: number | null;
	alternate_same_profile: Flag | null;
	replaces: string | null;
}

export interface AddressBaseTable {
	id: Generated<number>;
	file_name: string;
	sha256: string;
	rows_read: number;
	address_count: number;
	imported_by: number | null;
	imported_at: Instant;
}

export interface AddressTable {
	base_id: number;
	ban_id: string;
	number: string;
	repetition: string;
	street: string;
	postal_code: string;
	insee_code: string;
	commune_name: string;
}

export interface InvitationCampaignTable {
	id: Generated<number>;
	title: string;
	purpose: Generated<string>;
	letters: number;
	seed: string;
	oversampling: JsonText;
	allocation: JsonText;
	base_sha256: string;
	base_address_count: number;
	falc: Generated<Flag>;
	reminder_days: number;
	closes_on: Day;
	created_by: number | null;
	created_at: Instant;
	letters_printed_at: Instant | null;
	reminders_printed_at: Instant | null;
	closed_at: Instant | null;
	addresses_erased_at: Instant | null;
}

export interface InvitationTable {
	id: Generated<number>;
	campaign_id: number;
	code: string | null;
	commune_insee_code: string;
	territory_id: number | null;
	ban_id: string | null;
	address_line: string | null;
	postal_code: string | null;
	reminded_at: Instant | null;
	answered_at: Instant | null;
	answer_channel: InvitationChannel | null;
	answer: InvitationAnswer | null;
	person_id: number | null;
	entered_by: number | null;
}

export interface ParticipationGroupTable {
	id: Generated<number>;
	slug: string;
	name: string;
	kind: string;
	territory_id: number | null;
	description: Generated<string>;
	created_at: Instant;
	archived_at: Instant | null;
}

export interface GroupMembershipTable {
	id: Generated<number>;
	group_id: number;
	person_id: number;
	role: GroupRole;
	mandate_start: Day | null;
	mandate_end: Day | null;
	joined_at: Instant;
	left_at: Instant | null;
}

export interface GroupBodyTable {
	id: Generated<number>;
	group_id: number;
	name: string;
	description: Generated<string>;
}

export interface GroupBodySeatTable {
	body_id: number;
	person_id: number;
}

export interface GroupDocumentTable {
	id: Generated<number>;
	group_id: number;
	title: string;
	body: Generated<string>;
	url: string | null;
	created_by: number | null;
	created_at: Instant;
}

export interface ProgrammeItemTable {
	id: Generated<number>;
	event_id: number;
	kind: string;
	title: string;
	starts_at: Instant;
	ends_at: Instant;
	room: string | null;
	capacity: number | null;
}

export interface RegistrationChoiceTable {
	registration_id: number;
	programme_item_id: number;
}

export interface TourStopTable {
	id: Generated<number>;
	event_id: number;
	day: Day;
	half_day: string;
	commune_insee_code: string;
	place: string;
	agents: Generated<string>;
}

export interface RetentionRunTable {
	id: Generated<number>;
	ran_at: Instant;
	dry_run: Flag;
	counts: JsonText;
	actor_label: string;
	error: string | null;
}

export interface PrivacyRequestTable {
	id: Generated<number>;
	email: string;
	token_hash: string;
	created_at: Instant;
	expires_at: Instant;
	confirmed_at: Instant | null;
	completed_at: Instant | null;
	outcome: 'efface' | null;
}

export interface AccessibilityAuditTable {
	id: Generated<number>;
	audited_on: Day;
	auditor: string;
	sample: JsonText;
	environment: string;
	tools: string;
	technologies: string;
	derogations: Generated<string>;
	exemptions: Generated<string>;
	created_at: Instant;
	updated_at: Instant;
}

export interface AccessibilityCriterionTable {
	audit_id: number;
	criterion: string;
	statuses: JsonText;
	note: Generated<string>;
}

export interface OrganisationLogoTable {
	id: number;
	content_type: string;
	width: number;
	height: number;
	bytes: Buffer;
	sha256: string;
	uploaded_at: Instant;
}

export interface ResponseDeviceTable {
	id: Generated<number>;
	response_id: number;
	token_hash: string;
	created_at: Instant;
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
	consultation: ConsultationTable;
	consultation_axis: ConsultationAxisTable;
	consultation_fiche: ConsultationFicheTable;
	consultation_section: ConsultationSectionTable;
	question: QuestionTable;
	question_option: QuestionOptionTable;
	invitation_code: InvitationCodeTable;
	response: ResponseTable;
	consultation_participation: ConsultationParticipationTable;
	answer: AnswerTable;
	response_tally: ResponseTallyTable;
	answer_tally: AnswerTallyTable;
	contribution: ContributionTable;
	event_kind: EventKindTable;
	event: EventTable;
	event_fiche: EventFicheTable;
	registration: RegistrationTable;
	programme_item: ProgrammeItemTable;
	registration_choice: RegistrationChoiceTable;
	tour_stop: TourStopTable;
	person: PersonTable;
	consent: ConsentTable;
	person_token: PersonTokenTable;
	panel_target: PanelTargetTable;
	draw: DrawTable;
	draw_candidate: DrawCandidateTable;
	participation_group: ParticipationGroupTable;
	group_membership: GroupMembershipTable;
	group_body: GroupBodyTable;
	group_body_seat: GroupBodySeatTable;
	group_document: GroupDocumentTable;
	contribution_tag: ContributionTagTable;
	contribution_link: ContributionLinkTable;
	contact_subscription: ContactSubscriptionTable;
	retour: RetourTable;
	retour_event: RetourEventTable;
	retour_request: RetourRequestTable;
	retour_delivery: RetourDeliveryTable;
	retention_run: RetentionRunTable;
	privacy_request: PrivacyRequestTable;
	accessibility_audit: AccessibilityAuditTable;
	accessibility_criterion: AccessibilityCriterionTable;
	organisation_logo: OrganisationLogoTable;
	response_device: ResponseDeviceTable;
	job_lease: JobLeaseTable;
	theme_analysis: ThemeAnalysisTable;
	theme: ThemeTable;
	theme_member: ThemeMemberTable;
	address_base: AddressBaseTable;
	address: AddressTable;
	invitation_campaign: InvitationCampaignTable;
	invitation: InvitationTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
