import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain, orHttpError } from '$lib/server/web/http';
import { privacyNotice } from '$lib/server/privacy/register';
import { changeRetentionPeriods } from '$lib/server/privacy/periods';
import { listRetentionRuns, runRetention } from '$lib/server/privacy/retention';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'privacy.manage');
	const db = getDb();
	const [notice, runs] = await Promise.all([
		privacyNotice(db),
		orHttpError(listRetentionRuns(db, actor))
	]);
	return { purposes: notice.purposes, runs };
};

function periodsOf(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of data)
		if (name.startsWith('period.') && typeof value === 'string') values[name.slice(7)] = value;
	return values;
}

export const actions: Actions = {
	periods: async ({ request, locals }) => {
		const values = periodsOf(await request.formData());
		try {
			await changeRetentionPeriods(getDb(), locals.actor, values);
		} catch (caught) {
			return failPlain(caught, { values });
		}
		return { saved: true };
	},
	simulate: async ({ locals }) => {
		try {
			return { ran: await runRetention(locals.ctx, { dryRun: true, actor: locals.actor }) };
		} catch (caught) {
			return failPlain(caught);
		}
	},
	run: async ({ locals }) => {
		try {
			return { ran: await runRetention(locals.ctx, { actor: locals.actor }) };
		} catch (caught) {
			return failPlain(caught);
		}
	}
};
