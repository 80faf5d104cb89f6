import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { pageParam } from '$lib/server/web/query-params';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { handleForm } from '$lib/server/web/forms';
import { optionalId, postedIds } from '$lib/server/form-fields';
import {
	contributionsForPilote,
	INBOX_PAGE_SIZE,
	listContributions
} from '$lib/server/contributions/inbox';
import { applyToContributions, type BulkAction } from '$lib/server/contributions/triage';
import {
	inboxFilterParams,
	inboxOptions,
	readInboxFilters
} from '$lib/server/contributions/admin-page';
import { themeAnalysisOf } from '$lib/server/themes/analyses';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'contributions.answer');
	const db = getDb();
	if (!can(actor, 'contributions.manage'))
		return { manage: false as const, items: await contributionsForPilote(db, actor) };
	const filters = readInboxFilters(url.searchParams);
	const page = pageParam(url);
	return {
		manage: true as const,
		filters,
		page,
		pageSize: INBOX_PAGE_SIZE,
		options: await inboxOptions(db, locals.actor),
		themeScope: inboxFilterParams(filters),
		themes: await themeAnalysisOf(db, actor, filters),
		...(await listContributions(db, actor, filters, page))
	};
};

const bulkSchema = z.object({
	ids: postedIds,
	state: z.string().default(''),
	tag: z.string().default(''),
	userId: optionalId('Choisissez une personne dans la liste.')
});
type BulkForm = z.output<typeof bulkSchema>;

/** One change to every contribution ticked in the inbox. */
function bulk(request: Request, locals: App.Locals, action: (form: BulkForm) => BulkAction) {
	return handleForm(
		request,
		bulkSchema,
		async (form) => {
			const count = await applyToContributions(getDb(), locals.actor, form.ids, action(form));
			return `${count} contribution${count > 1 ? 's' : ''} mise${count > 1 ? 's' : ''} à jour.`;
		},
		{ firstError: true }
	);
}

export const actions: Actions = {
	state: ({ request, locals }) => bulk(request, locals, ({ state }) => ({ kind: 'state', state })),
	assign: ({ request, locals }) =>
		bulk(request, locals, ({ userId }) => ({ kind: 'assign', userId })),
	tag: ({ request, locals }) => bulk(request, locals, ({ tag }) => ({ kind: 'tag', tag }))
};
