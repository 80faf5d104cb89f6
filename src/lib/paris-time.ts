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

export function formatParisDateTime(instant: Date): string {
	return new Intl.DateTimeFormat('fr-FR', {
		timeZone: ZONE,
		dateStyle: 'long',
		timeStyle: 'short'
	}).format(instant);
}

export function formatParisDate(instant: Date): string {
	return new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'long' }).format(instant);
}
