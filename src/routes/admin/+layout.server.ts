import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requirePermission } from '$lib/server/web/guards';
import { can, PERMISSIONS, type Permission } from '$lib/server/auth/permissions';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	// The access table refused this page (see hooks.server.ts).
	if (locals.accessRefused)
		error(403, { message: 'Votre compte ne donne pas accès à cette page.' });
	const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor, p));
	return { granted };
};
