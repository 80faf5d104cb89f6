import type { PageServerLoad } from './$types';
import { oneOf } from '$lib/codes';
import { pageParam } from '$lib/server/web/query-params';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { listUsers } from '$lib/server/users/service';
import { ROLE_LABELS, ROLES } from '$lib/server/auth/permissions';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'users.manage');
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const role = url.searchParams.get('role') ?? '';
	const page = pageParam(url);
	const result = await orHttpError(
		listUsers(getDb(), actor, {
			q,
			role: oneOf(ROLES, role),
			page
		})
	);
	return {
		...result,
		filters: { q, role },
		roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
		created: url.searchParams.get('cree')
	};
};
