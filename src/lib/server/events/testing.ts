// An event command for domain tests: an atelier a week from now, for two
// hours, in a village hall, unless told otherwise.
import type { EventCommand } from './schemas';

export function eventCommand(overrides: Partial<EventCommand> = {}): EventCommand {
	const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000);
	return {
		title: 'Atelier mobilité',
		slug: 'atelier-mobilite',
		kind: 'atelier',
		description: '',
		siteId: null,
		placeName: 'Salle des fêtes',
		address: '',
		communeCode: '41018',
		accessDirections: '',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
		audience: 'tous',
		capacity: null,
		registrationOpensAt: null,
		registrationClosesAt: null,
		accessibility: [],
		support: [],
		ficheRefs: [],
		consultationId: null,
		groupId: null,
		...overrides
	};
}
