import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { can } from '$lib/server/auth/permissions';
import { buildBilan } from '$lib/server/fiches/bilan';
import { parseYear } from '$lib/server/web/params';

export const load: PageServerLoad = async ({ params, locals }) => {
	const bilan = await buildBilan(getDb(), parseYear(params.year));
	// A bilan still being written is visible to staff only, as a preview.
	if (!bilan || (bilan.campaign.status !== 'publiee' && !can(locals.actor, 'backoffice.access'))) {
		error(404, {
			message: `Le bilan ${params.year} n’est pas publié.`,
			link: { href: '/schema', label: 'Voir le schéma des solidarités' }
		});
	}
	return { bilan };
};
