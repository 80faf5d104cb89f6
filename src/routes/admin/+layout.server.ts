import type { LayoutServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { can, PERMISSIONS, type Permission } from '$lib/server/auth/permissions';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
	return { granted };
};
