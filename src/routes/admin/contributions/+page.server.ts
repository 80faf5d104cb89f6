import type { Actions, PageServerLoad } from './$types';
import { wholeNumber } from '$lib/codes';
import { pageParam } from '$lib/server/web/query-params';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { can } from '$lib/server/auth/permissions';
import { failPlain } from '$lib/server/web/http';
import {
	contributionsForPilote,
	INBOX_PAGE_SIZE,
	listContributions
} from '$lib/server/contributions/inbox';
import { applyToContributions, type BulkAction } from '$lib/server/contributions/triage';
import { checkedIds, inboxOptions, readInboxFilters } from '$lib/server/contributions/admin-page';

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
		...(await listContributions(db, actor, filters, page))
	};
};

async function bulk(request: Request, locals: App.Locals, make: (data: FormData) => BulkAction) {
	const data = await request.formData();
	try {
		const count = await applyToContributions(getDb(), locals.actor, checkedIds(data), make(data));
		return {
			done: `${count} contribution${count > 1 ? 's' : ''} mise${count > 1 ? 's' : ''} à jour.`
		};
	} catch (caught) {
		return failPlain(caught);
	}
}

export const actions: Actions = {
	state: ({ request, locals }) =>
		bulk(request, locals, (data) => ({ kind: 'state', state: String(data.get('state') ?? '') })),
	assign: ({ request, locals }) =>
		bulk(request, locals, (data) => {
			return { kind: 'assign', userId: wholeNumber(data.get('userId')) };
		}),
	tag: ({ request, locals }) =>
		bulk(request, locals, (data) => ({ kind: 'tag', tag: String(data.get('tag') ?? '') }))
};
