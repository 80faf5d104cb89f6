import type { Actions, PageServerLoad } from './$types';
import { eventForOffice } from '$lib/server/events/admin-page';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	addWalkIn,
	attendanceSheet,
	checkIn,
	closeAttendance,
	undoCheckIn
} from '$lib/server/events/attendance';
import { idParam } from '$lib/server/web/params';
import { failPlain, orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const search = (url.searchParams.get('q') ?? '').slice(0, 100);
	const sheet = await attendanceSheet(db, actor, id, search);
	return { event: { id, title: event.title }, search, ...sheet };
};

async function form(request: Request) {
	const data = await request.formData();
	return (name: string) => String(data.get(name) ?? '');
}

export const actions: Actions = {
	checkIn: async ({ request, locals, params }) => {
		const f = await form(request);
		try {
			const name = await checkIn(
				getDb(),
				locals.actor,
				idParam(params.id),
				Number(f('registrationId')),
				f('category')
			);
			return { done: `${name} : présent·e.`, registrationId: Number(f('registrationId')) };
		} catch (caught) {
			return failPlain(caught, { registrationId: Number(f('registrationId')) });
		}
	},
	undo: async ({ request, locals, params }) => {
		const f = await form(request);
		try {
			const name = await undoCheckIn(
				getDb(),
				locals.actor,
				idParam(params.id),
				Number(f('registrationId'))
			);
			return { done: `${name} : présence retirée.`, registrationId: Number(f('registrationId')) };
		} catch (caught) {
			return failPlain(caught, { registrationId: Number(f('registrationId')) });
		}
	},
	walkIn: async ({ request, locals, params }) => {
		const f = await form(request);
		try {
			await addWalkIn(getDb(), locals.actor, idParam(params.id), f('name'), f('category'));
			return { done: `${f('name').trim()} ajouté·e et présent·e.`, walkIn: true };
		} catch (caught) {
			return failPlain(caught, { walkInName: f('name'), walkIn: true });
		}
	},
	close: async ({ locals, params }) => {
		try {
			const absent = await closeAttendance(getDb(), locals.actor, idParam(params.id));
			return {
				done: `Feuille close : ${absent} personne${absent > 1 ? 's' : ''} notée${absent > 1 ? 's' : ''} absente${absent > 1 ? 's' : ''}.`
			};
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
