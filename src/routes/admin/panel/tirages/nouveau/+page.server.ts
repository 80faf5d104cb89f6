import { fail, redirect } from '@sveltejs/kit';
import { oneOf } from '$lib/codes';
import { PERSON_STATUSES } from '$lib/panel-vocabulary';
import { queryInt } from '$lib/server/web/query-params';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	compareDrawObjectives,
	createDraw,
	DrawConfirmationNeeded,
	DrawError,
	proposeQuotas
} from '$lib/server/panel/draws';
import { seatProblems } from '$lib/server/panel/draw-checks';
import { ALL_CRITERIA } from '$lib/server/panel/criteria';
import { listTerritories } from '$lib/server/reference/service';
import { DomainError } from '$lib/server/errors';
import { drawFormSchema, drawFormValues, readSeats } from '$lib/server/panel/draw-form';
import { readPosted } from '$lib/server/web/forms';
import { listCampaigns } from '$lib/server/panel/lottery/campaigns';

/** Step one (GET): pool, seats and criteria; the page then proposes quotas to adjust. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'panel.manage');
	const db = getDb();
	const status = oneOf(PERSON_STATUSES, url.searchParams.get('statut'), 'actif');
	const territoryId = queryInt(url, 'territoire', { min: 1 });
	const campaignId = queryInt(url, 'campagne', { min: 1 });
	const criteria = url.searchParams
		.getAll('critere')
		.filter((c) => ALL_CRITERIA.some((a) => a.code === c));
	const size = readSeats(url.searchParams.get('sieges'));
	const filters = { status, territoryId, campaignId };
	const proposal = size ? await proposeQuotas(db, actor, filters, criteria, size) : null;
	return {
		criteria: ALL_CRITERIA,
		territories: (await listTerritories(db)).map((t) => ({ value: t.id, label: t.name })),
		campaigns: (await listCampaigns(db, actor))
			.filter((c) => c.accepted > 0)
			.map((c) => ({ value: c.id, label: `Volontaires de « ${c.title} » (${c.accepted})` })),
		chosen: {
			status,
			territoryId: territoryId ?? '',
			campaignId: campaignId ?? '',
			criteria,
			size: url.searchParams.get('sieges') ?? ''
		},
		sizeError:
			url.searchParams.has('sieges') && size === null
				? 'Un nombre de sièges entier et positif.'
				: null,
		proposal,
		// The step-one choices, kept in the address of the step-two actions.
		query: new URLSearchParams(
			[...url.searchParams].filter(([key]) => !key.startsWith('/'))
		).toString(),
		// Said before « Calculer »: seats or quotas this pool cannot fill.
		problems: proposal && size ? seatProblems(size, proposal.pool) : [],
		filters
	};
};

const none: string[] = [];

/** A refused draw form: the message, the quotas in conflict or the warnings to confirm, and what was typed. */
function drawRefusal(caught: unknown, values: ReturnType<typeof drawFormValues>) {
	if (caught instanceof DrawConfirmationNeeded)
		return fail(409, { error: caught.message, conflicts: none, warnings: caught.warnings, values });
	if (caught instanceof DrawError)
		return fail(400, {
			error: caught.message,
			conflicts: caught.conflicts,
			warnings: none,
			values
		});
	if (caught instanceof DomainError)
		return fail(caught.status, { error: caught.message, conflicts: none, warnings: none, values });
	throw caught;
}

/** The draw form read, or its refusal. */
async function readDrawForm(request: Request) {
	const posted = await readPosted(request, drawFormSchema, { firstError: true });
	if (!posted.ok) {
		const { error, values = {} } = posted.failure.data;
		return {
			failure: fail(400, { error, conflicts: none, warnings: none, values: drawFormValues(values) })
		} as const;
	}
	return { input: posted.data, values: drawFormValues(posted.values) } as const;
}

export const actions: Actions = {
	/** The three objectives side by side on this pool and these quotas; nothing is recorded. */
	compare: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const form = await readDrawForm(request);
		if ('failure' in form) return form.failure;
		try {
			const comparison = await compareDrawObjectives(getDb(), locals.actor, form.input);
			return { comparison, values: form.values, conflicts: none, warnings: none };
		} catch (caught) {
			return drawRefusal(caught, form.values);
		}
	},
	compute: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const form = await readDrawForm(request);
		if ('failure' in form) return form.failure;
		let id: number;
		try {
			id = await createDraw(getDb(), locals.actor, form.input);
		} catch (caught) {
			return drawRefusal(caught, form.values);
		}
		redirect(303, `/admin/panel/tirages/${id}`);
	}
};
