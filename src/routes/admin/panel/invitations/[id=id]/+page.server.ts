import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { idParam } from '$lib/server/web/params';
import { handleForm, noFields } from '$lib/server/web/forms';
import {
	campaignIsOver,
	closeCampaign,
	getCampaign,
	remindersDueOn
} from '$lib/server/panel/lottery/campaigns';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'panel.manage');
	const db = getDb();
	const id = idParam(params.id);
	const { campaign, allocation, rates } = await orHttpError(getCampaign(db, locals.actor, id));
	const due = remindersDueOn(campaign);
	return {
		campaign,
		over: campaignIsOver(campaign),
		remindersDue: due,
		remindersReady: due !== null && due <= new Date(),
		unanswered: campaign.letters - campaign.answered,
		communes: allocation.filter((a) => a.letters > 0).length,
		rates,
		answered: url.searchParams.get('reponse')
	};
};

export const actions: Actions = {
	close: async ({ request, locals, url, params }) => {
		requirePermission(locals, url, 'panel.manage');
		return handleForm(
			request,
			noFields,
			async () => {
				await closeCampaign(getDb(), locals.actor, idParam(params.id));
				return 'Campagne close : les adresses et les codes sont effacés, les nombres de réponses restent.';
			},
			{ form: 'close' }
		);
	}
};
