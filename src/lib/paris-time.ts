// Date-times as people in Loir-et-Cher read and type them: Europe/Paris,
// whatever the server's time zone.
const ZONE = 'Europe/Paris';

function offsetMinutes(instant: Date): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return Math.round((asUtc - instant.getTime()) / 60000);
}

/** « 2023-09-04T09:00 » typed in Paris → the instant; null when it is not such a value. */
export function parisLocalToDate(input: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(input);
	if (!match) return null;
	const [, y, mo, d, h, mi] = match.map(Number);
	const guess = Date.UTC(y, mo - 1, d, h, mi);
	if (Number.isNaN(guess)) return null;
	const first = new Date(guess - offsetMinutes(new Date(guess)) * 60000);
	const instant = new Date(guess - offsetMinutes(first) * 60000);
	return toParisLocalInput(instant) === input ? instant : null;
}

/** The value of an <input type="datetime-local"> showing `instant` in Paris. */
export function toParisLocalInput(instant: Date): string {
	const local = new Date(instant.getTime() + offsetMinutes(instant) * 60000);
	return local.toISOString().slice(0, 16);
}

/** The calendar day in Paris (« 2027-02-05 »), as date-only columns store it. */
export function parisDay(instant: Date): string {
	return toParisLocalInput(instant).slice(0, 10);
}

/**
 * `days` after the Paris day of `instant`, at `time` (« 09:00 ») in Paris:
 * default dates in forms fall on the start of a day or an hour people expect,
 * never on 01:00 because midnight was computed in UTC.
 */
export function parisDayAt(instant: Date, days: number, time: string): Date {
	const [y, m, d] = parisDay(instant).split('-').map(Number);
	const day = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
	return parisLocalToDate(`${day}T${time}`) ?? instant;
}

/** The next full hour in Paris, `days` later (« 15:00 » at 14:20). */
export function parisNextHour(instant: Date, days = 0): Date {
	const hour = Number(toParisLocalInput(instant).slice(11, 13));
	const next = Math.min(hour + 1, 23);
	return parisDayAt(instant, days, `${String(next).padStart(2, '0')}:00`);
}

const MONTHS =
	'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const FIRST_OF_MONTH = new RegExp(`(^|[^\\d])1 (${MONTHS})`, 'g');

/** French writes the first day of a month « 1er » : « 1er décembre 2026 ». */
export function premier(text: string): string {
	return text.replace(FIRST_OF_MONTH, '$11er $2');
}

const formats = {
	dateTime: new Intl.DateTimeFormat('fr-FR', {
		timeZone: ZONE,
		dateStyle: 'long',
		timeStyle: 'short'
	}),
	date: new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'long' }),
	weekday: new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'full' }),
	time: new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, timeStyle: 'short' }),
	shortDate: new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'short' }),
	shortDateTime: new Intl.DateTimeFormat('fr-FR', {
		timeZone: ZONE,
		dateStyle: 'short',
		timeStyle: 'short'
	}),
	month: new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, month: 'long', year: 'numeric' })
};

/** « 1er décembre 2026 à 14:30 », in Paris whatever the server's zone. */
export function formatParisDateTime(instant: Date): string {
	return premier(formats.dateTime.format(instant));
}

/** « 1er décembre 2026 ». */
export function formatParisDate(instant: Date): string {
	return premier(formats.date.format(instant));
}

/** « mardi 1er décembre 2026 ». */
export function formatParisWeekday(instant: Date): string {
	return premier(formats.weekday.format(instant));
}

/** « 14:30 ». */
export function formatParisTime(instant: Date): string {
	return formats.time.format(instant);
}

/** « 01/12/2026 », for tables. */
export function formatParisShortDate(instant: Date): string {
	return formats.shortDate.format(instant);
}

/** « 01/12/2026 14:30 », for tables, on one line. */
export function formatParisShortDateTime(instant: Date): string {
	return formats.shortDateTime.format(instant).replace(' ', '\u00a0');
}

/** « décembre 2026 ». */
export function formatParisMonth(instant: Date): string {
	return formats.month.format(instant);
}
