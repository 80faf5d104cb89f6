// iCalendar files: one per event and a feed to subscribe to. Times are
// written in UTC (« Z »), which every calendar program shows in its own
// time zone, so the Paris hour is never misread.
import ical, { ICalEventStatus } from 'ical-generator';
import { placeLine, type ConcertoEvent } from './model';

function addEvent(calendar: ReturnType<typeof ical>, event: ConcertoEvent, origin: string) {
	calendar.createEvent({
		id: `evenement-${event.id}@concerto`,
		start: event.startsAt,
		end: event.endsAt,
		summary: event.status === 'annule' ? `Annulé : ${event.title}` : event.title,
		description: `${event.kindLabel}. ${origin}/agenda/${event.slug}`,
		location: placeLine(event.place) || null,
		url: `${origin}/agenda/${event.slug}`,
		status: event.status === 'annule' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
}

export function eventIcs(event: ConcertoEvent, origin: string): string {
	const calendar = ical({ name: event.title, prodId: '//Concerto//Agenda//FR' });
	addEvent(calendar, event, origin);
	return calendar.toString();
}

export function agendaIcs(events: ConcertoEvent[], origin: string): string {
	const calendar = ical({
		name: 'Agenda de la participation — Concerto',
		prodId: '//Concerto//Agenda//FR',
		url: `${origin}/agenda`,
		ttl: 60 * 60
	});
	for (const event of events) addEvent(calendar, event, origin);
	return calendar.toString();
}
