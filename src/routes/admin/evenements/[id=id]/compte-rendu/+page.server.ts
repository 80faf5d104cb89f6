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
import { failPlain, orHttpError } from '$lib/server/web/http';

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
		notes: await listEventContributions(db, actor, id)
	};
};

export const actions: Actions = {
	minutes: async ({ request, locals, params }) => {
		const data = await request.formData();
		const minutes = String(data.get('minutes') ?? '');
		const publish = data.get('publish') === 'on';
		try {
			await saveMinutes(getDb(), locals.actor, idParam(params.id), minutes, publish);
			return {
				scope: 'minutes',
				done: publish
					? 'Compte rendu publié sur la page de l’événement.'
					: 'Compte rendu enregistré (non publié).'
			};
		} catch (caught) {
			return failPlain(caught, { scope: 'minutes' });
		}
	},
	note: async ({ request, locals, params }) => {
		const text = String((await request.formData()).get('text') ?? '');
		try {
			await addEventContribution(getDb(), locals.actor, idParam(params.id), text);
			return { scope: 'note', done: 'Note ajoutée aux contributions.' };
		} catch (caught) {
			return failPlain(caught, { scope: 'note', text });
		}
	}
};
