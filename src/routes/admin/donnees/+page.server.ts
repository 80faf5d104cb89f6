import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields } from '$lib/server/web/forms';
import { privacyNotice } from '$lib/server/privacy/register';
import { changeRetentionPeriods, chosenPeriodsSchema } from '$lib/server/privacy/periods';
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

export const actions: Actions = {
	periods: ({ request, locals }) =>
		handleForm(
			request,
			chosenPeriodsSchema,
			async (periods) => {
				await changeRetentionPeriods(getDb(), locals.actor, periods);
				return { saved: true };
			},
			{ form: 'periods', answer: (values) => ({ values }) }
		),
	simulate: ({ request, locals }) =>
		handleForm(request, noFields, async () => ({
			ran: await runRetention(locals.ctx, { dryRun: true, actor: locals.actor })
		})),
	run: ({ request, locals }) =>
		handleForm(request, noFields, async () => ({
			ran: await runRetention(locals.ctx, { actor: locals.actor })
		}))
};
