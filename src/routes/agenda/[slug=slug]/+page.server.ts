import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal } from '$lib/server/web/forms';
import { renderMarkdown } from '$lib/server/markdown';
import { getPublicEvent } from '$lib/server/events/public';
import { linkedFichesOfEvent } from '$lib/server/events/queries';
import { publishedAttendance } from '$lib/server/events/attendance';
import { listProgramme } from '$lib/server/events/programme';
import { listTourStops } from '$lib/server/events/tours';
import { displayStatus, registrationClosedReason } from '$lib/server/events/model';
import {
	REGISTRATION_CONSENT,
	registerForEvent,
	registrationChecks,
	registrationSchema
} from '$lib/server/events/registration';
import {
	ACCESSIBILITY_FEATURES,
	EVENT_AUDIENCE_LABELS,
	NEEDS,
	SUPPORT_OFFERS
} from '$lib/event-vocabulary';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = getDb();
	const event = await orHttpError(getPublicEvent(db, params.slug, locals.actor));
	const labels = (list: readonly { code: string; label: string }[], codes: string[]) =>
		list.filter((item) => codes.includes(item.code)).map((item) => item.label);
	return {
		event: {
			slug: event.slug,
			title: event.title,
			kindLabel: event.kindLabel,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			place: event.place,
			accessDirections: event.accessDirections,
			audienceLabel: EVENT_AUDIENCE_LABELS[event.audience],
			capacity: event.capacity,
			registered: event.registered,
			waiting: event.waiting,
			status: displayStatus(event),
			cancellationReason: event.cancellationReason,
			descriptionHtml: renderMarkdown(event.description),
			minutesHtml: event.minutesPublishedAt ? renderMarkdown(event.minutes) : null,
			accessibility: labels(ACCESSIBILITY_FEATURES, event.accessibility),
			support: labels(SUPPORT_OFFERS, event.support)
		},
		fiches: await linkedFichesOfEvent(db, event.id),
		programme: await listProgramme(db, event.id),
		stops: (await listTourStops(db, event.id)).map((s) => ({
			id: s.id,
			day: s.day,
			halfDayLabel: s.halfDayLabel,
			communeName: s.communeName,
			place: s.place
		})),
		attendance: event.endsAt < new Date() ? await publishedAttendance(db, event) : null,
		closedReason: registrationClosedReason(event),
		needs: NEEDS,
		consent: REGISTRATION_CONSENT.text
	};
};

export const actions: Actions = {
	register: async ({ request, params, locals, getClientAddress }) => {
		const db = getDb();
		const event = await orHttpError(getPublicEvent(db, params.slug, locals.actor));
		const posted = await readPosted(request, registrationSchema, {
			honeypot: true,
			alsoCheck: registrationChecks
		});
		if (!posted.ok) return posted.failure;
		const { values, data: registration } = posted;
		try {
			const outcome = await registerForEvent(locals.ctx, event, registration, getClientAddress());
			return {
				registered: {
					status: outcome.status,
					waitingPosition: outcome.waitingPosition,
					needs: outcome.needs,
					receiptCode: outcome.receiptCode,
					cancelLink: outcome.cancelToken ? `/inscriptions/${outcome.cancelToken}` : null,
					byMail: Boolean(registration.email),
					mailed: outcome.mailed
				}
			};
		} catch (caught) {
			return refusal(caught, { values, errors: {} as Record<string, string> });
		}
	}
};
