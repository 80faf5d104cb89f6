import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { currentAddressBase } from '$lib/server/panel/lottery/bases';
import { createCampaign } from '$lib/server/panel/lottery/campaigns';
import { parisDay } from '$lib/paris-time';
import { campaignFormSchema } from '$lib/server/panel/lottery/campaign-form';
import { newSeed } from '$lib/server/panel/selection/random';
import { listTerritories } from '$lib/server/reference/service';

const DAY = 86_400_000;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'panel.manage');
	const db = getDb();
	const now = new Date();
	return {
		base: await currentAddressBase(db, locals.actor),
		territories: await listTerritories(db),
		defaults: {
			seed: newSeed(),
			letters: '2000',
			reminderDays: '21',
			closesOn: parisDay(new Date(now.getTime() + 42 * DAY))
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requirePermission(locals, url, 'panel.manage');
		const db = getDb();
		const territories = await listTerritories(db);
		return handleForm(request, campaignFormSchema(territories), async (input) => {
			const id = await createCampaign(db, locals.actor, input);
			redirect(303, `/admin/panel/invitations/${id}`);
		});
	}
};
