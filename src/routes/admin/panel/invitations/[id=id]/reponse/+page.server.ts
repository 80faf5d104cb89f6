import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { idParam } from '$lib/server/web/params';
import { DomainError } from '$lib/server/errors';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { PANEL_CONSENT, SITUATION_CONSENT } from '$lib/server/panel/people';
import {
	officerInvitationAnswerSchema,
	officerInvitationDeclineSchema,
	personChecks
} from '$lib/server/panel/schemas';
import { getCampaignSummary } from '$lib/server/panel/lottery/campaigns';
import { invitationForOfficer, recordAnswerByOfficer } from '$lib/server/panel/lottery/answers';
import { orHttpError } from '$lib/server/web/http';

export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	requirePermission(locals, url, 'panel.manage');
	setHeaders({ 'cache-control': 'no-store' });
	const db = getDb();
	const campaignId = idParam(params.id);
	const campaign = await orHttpError(getCampaignSummary(db, locals.actor, campaignId));
	const code = (url.searchParams.get('code') ?? '').slice(0, 40);
	let invitation = null;
	let codeError: string | null = null;
	try {
		invitation = await invitationForOfficer(db, locals.actor, campaignId, code);
	} catch (caught) {
		if (!(caught instanceof DomainError)) throw caught;
		codeError = code.trim() ? caught.message : null;
	}
	return {
		campaign: { id: campaign.id, title: campaign.title },
		code,
		codeError,
		invitation,
		communes: (await listCommuneChoices(db)).map((c) => ({ code: c.code, name: c.name })),
		consent: PANEL_CONSENT.text,
		situationConsent: SITUATION_CONSENT.text
	};
};

function answered(campaignId: number, what: 'oui' | 'non'): never {
	redirect(303, `/admin/panel/invitations/${campaignId}?reponse=${what}`);
}

export const actions: Actions = {
	yes: ({ request, locals, url, params }) => {
		requirePermission(locals, url, 'panel.manage');
		const campaignId = idParam(params.id);
		return handleForm(
			request,
			officerInvitationAnswerSchema,
			async ({ code, channel, consent: _consent, ...person }) => {
				await recordAnswerByOfficer(getDb(), locals.actor, campaignId, {
					code,
					channel,
					answer: 'oui',
					person
				});
				answered(campaignId, 'oui');
			},
			{ alsoCheck: personChecks, form: 'yes' }
		);
	},
	no: ({ request, locals, url, params }) => {
		requirePermission(locals, url, 'panel.manage');
		const campaignId = idParam(params.id);
		return handleForm(
			request,
			officerInvitationDeclineSchema,
			async ({ code, channel }) => {
				await recordAnswerByOfficer(getDb(), locals.actor, campaignId, {
					code,
					channel,
					answer: 'non',
					person: null
				});
				answered(campaignId, 'non');
			},
			{ form: 'no', firstError: true }
		);
	}
};
