// Stored values as a reader of the audit log calls them: vocabulary codes in
// words (« deja_en_cours » is « Déjà en cours »), instants and days in Paris
// time. A field's words may depend on what the entry is about (a status of a
// consultation is not a status of an event), so the entry's type comes first.
import { ROLE_LABELS } from '../auth/permissions';
import {
	ACCESS_LABELS,
	AUDIENCE_LABELS,
	CHANNEL_LABELS,
	CONSULTATION_STATUS_LABELS,
	IDENTITY_LABELS,
	QUESTION_KIND_LABELS
} from '$lib/consultation-vocabulary';
import {
	CONTRIBUTION_STATE_LABELS,
	DECISION_LABELS,
	MASK_REASONS
} from '$lib/contribution-vocabulary';
import {
	ACCESSIBILITY_FEATURES,
	DEFAULT_EVENT_KINDS,
	EVENT_AUDIENCE_LABELS,
	EVENT_STATUS_LABELS,
	NEEDS,
	PARTICIPANT_CATEGORY_LABELS,
	REGISTRATION_STATUS_LABELS,
	SUPPORT_OFFERS
} from '$lib/event-vocabulary';
import { STATUS_DISPLAY } from '$lib/fiche-status';
import {
	DRAW_ANSWER_LABELS,
	INVITATION_ANSWER_LABELS,
	INVITATION_CHANNEL_LABELS,
	GROUP_KINDS,
	GROUP_ROLE_LABELS,
	PERSON_SOURCE_LABELS,
	PERSON_STATUS_LABELS
} from '$lib/panel-vocabulary';
import { formatParisShortDate, formatParisShortDateTime } from '$lib/paris-time';

type Words = Readonly<Record<string, string>>;

const byCode = (list: readonly { code: string; label: string }[]): Words =>
	Object.fromEntries(list.map((item) => [item.code, item.label]));

const FICHE_STATUS_LABELS: Words = {
	...Object.fromEntries(
		Object.entries(STATUS_DISPLAY).map(([code, display]) => [code, display.label])
	),
	'non-renseigne': STATUS_DISPLAY.none.label
};

const BULK_KINDS: Words = {
	state: 'changement d’état',
	assign: 'attribution',
	tag: 'ajout d’étiquette',
	untag: 'retrait d’étiquette'
};

/** `type.field` first, then `field` for any type. */
const VALUE_WORDS: Record<string, Words> = {
	'consultation.status': CONSULTATION_STATUS_LABELS,
	'consultation.kind': QUESTION_KIND_LABELS,
	'consultation.audiences': AUDIENCE_LABELS,
	'event.status': EVENT_STATUS_LABELS,
	'event.kind': byCode(DEFAULT_EVENT_KINDS),
	'event.audience': EVENT_AUDIENCE_LABELS,
	'event.accessibility': byCode(ACCESSIBILITY_FEATURES),
	'event.support': byCode(SUPPORT_OFFERS),
	'registration.status': REGISTRATION_STATUS_LABELS,
	'registration.needs': byCode(NEEDS),
	'registration.category': PARTICIPANT_CATEGORY_LABELS,
	'person.status': PERSON_STATUS_LABELS,
	'person.source': PERSON_SOURCE_LABELS,
	'group.kind': byCode(GROUP_KINDS),
	'group.role': GROUP_ROLE_LABELS,
	'draw.answer': DRAW_ANSWER_LABELS,
	'invitation.answer': INVITATION_ANSWER_LABELS,
	'invitation.answer_channel': INVITATION_CHANNEL_LABELS,
	'contribution.kind': BULK_KINDS,
	'contribution.reason': byCode(MASK_REASONS),
	'fiche.status': FICHE_STATUS_LABELS,
	'user.role': ROLE_LABELS,
	decision: DECISION_LABELS,
	state: CONTRIBUTION_STATE_LABELS,
	channel: CHANNEL_LABELS,
	audience: AUDIENCE_LABELS,
	access: ACCESS_LABELS,
	identity: IDENTITY_LABELS,
	role: ROLE_LABELS
};

/** The words for a stored code, or null when the field has no vocabulary. */
export function vocabularyWord(entityType: string, field: string, code: string): string | null {
	const words = VALUE_WORDS[`${entityType}.${field}`] ?? VALUE_WORDS[field];
	return words?.[code] ?? null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const PARIS_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as a French reader writes it: instants (stored in UTC) in Paris
 * time, Paris-local form values and days as they were typed; null otherwise.
 */
export function frenchDateText(value: string): string | null {
	if (INSTANT.test(value)) {
		const instant = new Date(value);
		return Number.isNaN(instant.getTime()) ? null : formatParisShortDateTime(instant);
	}
	const local = PARIS_LOCAL.exec(value);
	if (local) return `${local[3]}/${local[2]}/${local[1]}\u00a0${local[4]}:${local[5]}`;
	const day = DAY.exec(value);
	if (day) {
		const noon = new Date(`${value}T12:00:00Z`);
		return Number.isNaN(noon.getTime()) ? null : formatParisShortDate(noon);
	}
	return null;
}
