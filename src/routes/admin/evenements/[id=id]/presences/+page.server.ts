import { z } from 'zod';
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
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields, readPosted, refusal } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';

const personSchema = z.object({ registrationId: postedId, category: z.string().default('') });
const walkInSchema = z.object({ name: z.string().default(''), category: z.string().default('') });

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'events.manage');
	const db = getDb();
	const id = idParam(params.id);
	const event = await orHttpError(eventForOffice(db, locals.actor, id));
	const search = (url.searchParams.get('q') ?? '').slice(0, 100);
	const sheet = await attendanceSheet(db, actor, id, search);
	return { event: { id, title: event.title }, search, ...sheet };
};

export const actions: Actions = {
	checkIn: async ({ request, locals, params }) => {
		const posted = await readPosted(request, personSchema);
		if (!posted.ok) return posted.failure;
		const { registrationId, category } = posted.data;
		try {
			const name = await checkIn(
				getDb(),
				locals.actor,
				idParam(params.id),
				registrationId,
				category
			);
			return { done: `${name} : présent·e.`, registrationId };
		} catch (caught) {
			return refusal(caught, { registrationId });
		}
	},
	undo: async ({ request, locals, params }) => {
		const posted = await readPosted(request, personSchema);
		if (!posted.ok) return posted.failure;
		const { registrationId } = posted.data;
		try {
			const name = await undoCheckIn(getDb(), locals.actor, idParam(params.id), registrationId);
			return { done: `${name} : présence retirée.`, registrationId };
		} catch (caught) {
			return refusal(caught, { registrationId });
		}
	},
	walkIn: async ({ request, locals, params }) => {
		const posted = await readPosted(request, walkInSchema);
		if (!posted.ok) return posted.failure;
		const { name, category } = posted.data;
		try {
			await addWalkIn(getDb(), locals.actor, idParam(params.id), name, category);
			return { done: `${name.trim()} ajouté·e et présent·e.`, walkIn: true };
		} catch (caught) {
			return refusal(caught, { walkInName: name, walkIn: true });
		}
	},
	close: ({ request, locals, params }) =>
		handleForm(request, noFields, async () => {
			const absent = await closeAttendance(getDb(), locals.actor, idParam(params.id));
			return `Feuille close : ${absent} personne${absent > 1 ? 's' : ''} notée${absent > 1 ? 's' : ''} absente${absent > 1 ? 's' : ''}.`;
		})
};
