// An event command for domain tests: an atelier a week from now, for two
// hours, in a village hall, unless told otherwise.
import { blankEvent, type EventCommand } from './schemas';

export function eventCommand(overrides: Partial<EventCommand> = {}): EventCommand {
	const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000);
	return blankEvent({
		title: 'Atelier mobilité',
		slug: 'atelier-mobilite',
		kind: 'atelier',
		placeName: 'Salle des fêtes',
		communeCode: '41018',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
		...overrides
	});
}
