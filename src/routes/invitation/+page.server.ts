import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { listCommuneChoices } from '$lib/server/consultations/queries';
import { PANEL_CONSENT, SITUATION_CONSENT } from '$lib/server/panel/people';
import { invitationSignupSchema, personChecks } from '$lib/server/panel/schemas';
import { readPosted, refusal } from '$lib/server/web/forms';
import { answerInvitationOnline, openInvitation } from '$lib/server/panel/lottery/answers';

/** The letter's short address: type the code (a GET form, without JavaScript), then answer. */
export const load: PageServerLoad = async ({ url, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const code = (url.searchParams.get('code') ?? '').slice(0, 40);
	const page = {
		code,
		communes: (await listCommuneChoices(getDb())).map((c) => ({ code: c.code, name: c.name })),
		consent: PANEL_CONSENT.text,
		situationConsent: SITUATION_CONSENT.text
	};
	if (!code.trim()) return { ...page, invitation: null, error: null };
	try {
		const invitation = await openInvitation(getDb(), code, getClientAddress());
		return {
			...page,
			error: null,
			invitation: {
				code: invitation.code,
				communeCode: invitation.communeCode,
				communeName: invitation.communeName,
				postalAddress: invitation.postalAddress,
				answered: invitation.answer !== null,
				over: invitation.over
			}
		};
	} catch (caught) {
		if (caught instanceof DomainError) return { ...page, invitation: null, error: caught.message };
		throw caught;
	}
};

const declineSchema = z.object({ code: z.string().trim().max(40).default('') });

export const actions: Actions = {
	join: async ({ request, locals, getClientAddress }) => {
		const posted = await readPosted(request, invitationSignupSchema, {
			alsoCheck: personChecks,
			honeypot: true
		});
		if (!posted.ok) return posted.failure;
		const { code, ...person } = posted.data;
		try {
			const { manageToken } = await answerInvitationOnline(
				locals.ctx,
				{ code, answer: 'oui', person },
				getClientAddress()
			);
			return {
				answered: 'oui' as const,
				// With an e-mail, the link goes by mail, as for any sign-up.
				manageLink: person.email || !manageToken ? null : `/panel/inscription/${manageToken}`,
				byMail: Boolean(person.email)
			};
		} catch (caught) {
			return refusal(caught, { values: posted.values, errors: {} as Record<string, string> });
		}
	},
	decline: async ({ request, locals, getClientAddress }) => {
		const posted = await readPosted(request, declineSchema);
		if (!posted.ok) return posted.failure;
		try {
			await answerInvitationOnline(
				locals.ctx,
				{ code: posted.data.code, answer: 'non', person: null },
				getClientAddress()
			);
			return { answered: 'non' as const, manageLink: null, byMail: false };
		} catch (caught) {
			if (caught instanceof DomainError) return fail(caught.status, { error: caught.message });
			throw caught;
		}
	}
};
