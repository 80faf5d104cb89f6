import { fail, redirect } from '@sveltejs/kit';
import { oneOf } from '$lib/codes';
import { PERSON_STATUSES } from '$lib/panel-vocabulary';
import { queryInt } from '$lib/server/web/query-params';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	createDraw,
	DrawConfirmationNeeded,
	DrawError,
	proposeQuotas
} from '$lib/server/panel/draws';
import { seatProblems } from '$lib/server/panel/draw-checks';
import { ALL_CRITERIA } from '$lib/server/panel/criteria';
import { listTerritories } from '$lib/server/reference/service';
import { DomainError } from '$lib/server/errors';

function readSize(text: string | null): number | null {
	return text && /^\d{1,4}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** Step one (GET): pool, seats and criteria; the page then proposes quotas to adjust. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'panel.manage');
	const db = getDb();
	const status = oneOf(PERSON_STATUSES, url.searchParams.get('statut'), 'actif');
	const territoryId = queryInt(url, 'territoire', { min: 1 });
	const criteria = url.searchParams
		.getAll('critere')
		.filter((c) => ALL_CRITERIA.some((a) => a.code === c));
	const size = readSize(url.searchParams.get('sieges'));
	const filters = { status, territoryId };
	const proposal = size ? await proposeQuotas(db, actor, filters, criteria, size) : null;
	return {
		criteria: ALL_CRITERIA,
		territories: (await listTerritories(db)).map((t) => ({ value: t.id, label: t.name })),
		chosen: {
			status,
			territoryId: territoryId ?? '',
			criteria,
			size: url.searchParams.get('sieges') ?? ''
		},
		sizeError:
			url.searchParams.has('sieges') && size === null
				? 'Un nombre de sièges entier et positif.'
				: null,
		proposal,
		// Said before « Calculer »: seats or quotas this pool cannot fill.
		problems: proposal && size ? seatProblems(size, proposal.pool) : [],
		filters
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const data = await request.formData();
		const text = (name: string) => String(data.get(name) ?? '');
		const quotas: { criterion: string; value: string; min: number; max: number }[] = [];
		const errors: string[] = [];
		for (let i = 0; data.has(`q${i}-criterion`); i++) {
			const min = text(`q${i}-min`);
			const max = text(`q${i}-max`);
			if (!/^\d{1,4}$/.test(min) || !/^\d{1,4}$/.test(max)) {
				errors.push(
					`« ${text(`q${i}-value`)} » : minimum et maximum doivent être des nombres entiers.`
				);
				continue;
			}
			quotas.push({
				criterion: text(`q${i}-criterion`),
				value: text(`q${i}-value`),
				min: Number(min),
				max: Number(max)
			});
		}
		const size = readSize(text('size'));
		if (!size) errors.push('Indiquez un nombre de sièges entier et positif.');
		// What the officer wrote comes back with any message, nothing to type again.
		const values = {
			title: text('title'),
			purpose: text('purpose'),
			seed: text('seed'),
			householdRule: data.get('householdRule') === 'on',
			bounds: Object.fromEntries(
				[...data.keys()].filter((k) => /^q\d+-(min|max)$/.test(k)).map((k) => [k, text(k)])
			)
		};
		const none = [] as string[];
		if (errors.length)
			return fail(400, { error: errors.join(' '), conflicts: none, warnings: none, values });
		let id: number;
		try {
			id = await createDraw(getDb(), locals.actor, {
				title: text('title'),
				purpose: text('purpose'),
				size: size!,
				householdRule: data.get('householdRule') === 'on',
				filters: {
					status: oneOf(PERSON_STATUSES, text('status'), 'actif'),
					territoryId: Number(text('territoryId')) || undefined
				},
				quotas,
				seed: text('seed'),
				confirmExtremes: data.get('confirmExtremes') === 'on'
			});
		} catch (caught) {
			if (caught instanceof DrawConfirmationNeeded)
				return fail(409, {
					error: caught.message,
					conflicts: none,
					warnings: caught.warnings,
					values
				});
			if (caught instanceof DrawError)
				return fail(400, {
					error: caught.message,
					conflicts: caught.conflicts,
					warnings: none,
					values
				});
			if (caught instanceof DomainError)
				return fail(caught.status, {
					error: caught.message,
					conflicts: none,
					warnings: none,
					values
				});
			throw caught;
		}
		redirect(303, `/admin/panel/tirages/${id}`);
	}
};
