import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/web/guards';
import { readPosted, refusal } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { renderMarkdown } from '$lib/server/markdown';
import { answerMeeting, mySpace } from '$lib/server/groups/member-space';
import { NEEDS } from '$lib/event-vocabulary';
import { REGISTRATION_CONSENT } from '$lib/server/events/registration';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = requireUser(locals, url);
	const space = await mySpace(getDb(), actor);
	return {
		needChoices: NEEDS.map((n) => ({ value: n.code, label: n.label })),
		consentText: REGISTRATION_CONSENT.text,
		...space,
		groups: space.groups.map((g) => ({
			...g,
			documents: g.documents.map((d) => ({ ...d, html: renderMarkdown(d.body) }))
		}))
	};
};

const answerSchema = z.object({
	eventId: postedId,
	coming: z
		.string()
		.default('')
		.transform((v) => v === 'oui'),
	// Present when the form asked for needs: then those ticked replace her panel needs.
	besoins: z.string().optional(),
	needs: z
		.array(z.string())
		.default([])
		.transform((codes) => codes.filter((code) => NEEDS.some((n) => n.code === code))),
	needsDetail: z
		.string()
		.default('')
		.transform((v) => v.trim().slice(0, 500))
});

export const actions: Actions = {
	answer: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const posted = await readPosted(request, answerSchema);
		if (!posted.ok) return posted.failure;
		const { eventId, coming, besoins, needs, needsDetail } = posted.data;
		try {
			const status = await answerMeeting(
				locals.ctx,
				locals.actor,
				eventId,
				coming,
				besoins !== undefined ? { codes: needs, detail: needsDetail } : undefined
			);
			return {
				eventId,
				done:
					status === 'inscrit'
						? 'C’est noté : vous venez. Merci !'
						: status === 'attente'
							? 'La salle est pleine : vous êtes sur la liste d’attente, nous vous prévenons si une place se libère.'
							: 'C’est noté : vous ne venez pas. Merci de nous avoir prévenus.'
			};
		} catch (caught) {
			return refusal(caught, { eventId });
		}
	}
};
