import type { Actions, PageServerLoad } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { addTourStop, deleteTourStop, listTourStops } from '$lib/server/events/tours';
import { idParam } from '$lib/server/web/params';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { byFrench } from '$lib/server/db/database';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const consultation = await db
		.selectFrom('event')
		.select('consultation_id')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return {
		event: { id, title: event.title, consultationId: consultation.consultation_id },
		stops: await listTourStops(db, id),
		communes: await db
			.selectFrom('commune')
			.select(['insee_code', 'name'])
			.orderBy(byFrench('name'))
			.execute()
	};
};

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const data = await request.formData();
		const f = (name: string) => String(data.get(name) ?? '');
		const values = {
			day: f('day'),
			halfDay: f('halfDay'),
			communeCode: f('communeCode'),
			place: f('place'),
			agents: f('agents')
		};
		try {
			await addTourStop(getDb(), locals.actor, idParam(params.id), values);
			return { done: 'Étape ajoutée.' };
		} catch (caught) {
			return failPlain(caught, { values });
		}
	},
	remove: async ({ request, locals, params }) => {
		const stopId = Number((await request.formData()).get('stopId'));
		try {
			await deleteTourStop(getDb(), locals.actor, idParam(params.id), stopId);
			return { done: 'Étape retirée.' };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
