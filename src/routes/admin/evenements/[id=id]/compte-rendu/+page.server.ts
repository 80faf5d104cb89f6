import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	addEventContribution,
	listEventContributions,
	saveMinutes
} from '$lib/server/events/attendance';
import { idParam } from '$lib/server/web/params';
import { orHttpError } from '$lib/server/web/http';
import { readPosted, refusal } from '$lib/server/web/forms';
import { tickBox } from '$lib/server/form-fields';
import { can } from '$lib/server/auth/permissions';
import { inboxFilterParams } from '$lib/server/contributions/admin-page';
import { themeAnalysisOf } from '$lib/server/themes/analyses';

const minutesSchema = z.object({ minutes: z.string().default(''), publish: tickBox });
const noteSchema = z.object({ text: z.string().default('') });

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	return {
		event: {
			id,
			slug: event.slug,
			title: event.title,
			minutes: event.minutes,
			published: event.minutesPublishedAt !== null
		},
		notes: await listEventContributions(db, actor, id),
		themes: can(actor, 'contributions.manage')
			? {
					scope: inboxFilterParams({ eventId: id }),
					analysis: await themeAnalysisOf(db, actor, { eventId: id })
				}
			: null
	};
};

export const actions: Actions = {
	minutes: async ({ request, locals, params }) => {
		const posted = await readPosted(request, minutesSchema);
		if (!posted.ok) return posted.failure;
		const { minutes, publish } = posted.data;
		try {
			await saveMinutes(getDb(), locals.actor, idParam(params.id), minutes, publish);
			return {
				scope: 'minutes',
				done: publish
					? 'Compte rendu publié sur la page de l’événement.'
					: 'Compte rendu enregistré (non publié).'
			};
		} catch (caught) {
			return refusal(caught, { scope: 'minutes' });
		}
	},
	note: async ({ request, locals, params }) => {
		const posted = await readPosted(request, noteSchema);
		if (!posted.ok) return posted.failure;
		const { text } = posted.data;
		try {
			await addEventContribution(getDb(), locals.actor, idParam(params.id), text);
			return { scope: 'note', done: 'Note ajoutée aux contributions.' };
		} catch (caught) {
			return refusal(caught, { scope: 'note', text });
		}
	}
};
