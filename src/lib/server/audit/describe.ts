// An audit entry as a person reads it: one French sentence, and the before
// and after as a list of what changed, field by field.
import { frenchDateText, vocabularyWord } from './values';
import { ACTION_PHRASES, ENTITY_LABELS, FIELD_LABELS } from './vocabulary';

export interface AuditChange {
	field: string;
	before: string;
	after: string;
}

const EMPTY = '(vide)';

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const MAX_VALUE = 400;
/** Fields holding a row's number (siteId, personIds, owner_user_id): « n° 12 ». */
const NUMBERED = /(Id|Ids|_id)$/;
const number = new Intl.NumberFormat('fr-FR');

export function actionPhrase(action: string): string {
	return ACTION_PHRASES[action] ?? `a fait l’action « ${action} » sur`;
}

export function entityLabel(type: string): string {
	return ENTITY_LABELS[type] ?? type;
}

/** How the sentence names the thing: a fiche by its reference, others by number. */
export function objectReference(type: string, id: string | null): string {
	if (!id || type === 'setting') return '';
	if (type === 'commune') return `de code Insee ${id}`;
	if (type === 'fiche' || type === 'review' || !/^\d+$/.test(id)) return id;
	return `n° ${id}`;
}

/** The object's own name when the entry carries it (« Vendôme », a title). */
function nameIn(before: unknown, after: unknown): string | null {
	for (const side of [after, before])
		if (isRecord(side))
			for (const key of ['name', 'title'])
				if (typeof side[key] === 'string' && side[key]) return side[key] as string;
	return null;
}

export function auditSentence(entry: {
	actorLabel: string;
	action: string;
	entityType: string;
	entityId: string | null;
	before?: unknown;
	after?: unknown;
}): string {
	const reference = objectReference(entry.entityType, entry.entityId);
	const name = nameIn(entry.before, entry.after);
	return `${entry.actorLabel} ${actionPhrase(entry.action)}${reference ? ` ${reference}` : ''}${name ? ` (« ${name} »)` : ''}.`;
}

function fieldLabel(key: string): string {
	return (
		FIELD_LABELS[key] ??
		key
			.replace(/_/g, ' ')
			.replace(/([a-z])([A-Z])/g, '$1 $2')
			.toLowerCase()
	);
}

/** Where a value sits: the entry's type and the field, for its vocabulary. */
interface ValuePlace {
	entityType: string;
	field: string;
}

export function showValue(
	value: unknown,
	place: ValuePlace = { entityType: '', field: '' }
): string {
	if (value === null || value === undefined || value === '') return EMPTY;
	if (typeof value === 'boolean') return value ? 'oui' : 'non';
	if (typeof value === 'number')
		return NUMBERED.test(place.field) ? `n° ${value}` : number.format(value);
	if (typeof value === 'string') {
		if (/^\[.*\]$/s.test(value)) {
			try {
				return showValue(JSON.parse(value), place);
			} catch {
				// not JSON after all: shown as written
			}
		}
		const words = vocabularyWord(place.entityType, place.field, value) ?? frenchDateText(value);
		if (words) return words;
		return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
	}
	if (Array.isArray(value))
		return value.length ? value.map((item) => showValue(item, place)).join(', ') : EMPTY;
	return Object.entries(value as Record<string, unknown>)
		.map(
			([k, v]) => `${fieldLabel(k)} : ${showValue(v, { entityType: place.entityType, field: k })}`
		)
		.join(' ; ');
}

/** What differs between before and after; a creation lists what was set. */
export function auditChanges(before: unknown, after: unknown, entityType = ''): AuditChange[] {
	if (before == null && after == null) return [];
	if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
		const b = before ?? {};
		const a = after ?? {};
		const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
		return keys
			.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
			.map((k) => ({
				field: fieldLabel(k),
				before: before == null ? '' : showValue(b[k], { entityType, field: k }),
				after: after == null ? '' : showValue(a[k], { entityType, field: k })
			}));
	}
	return [
		{
			field: 'valeur',
			before: before == null ? '' : showValue(before, { entityType, field: '' }),
			after: after == null ? '' : showValue(after, { entityType, field: '' })
		}
	];
}
