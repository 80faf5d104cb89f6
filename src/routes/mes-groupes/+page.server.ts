import type { Actions, PageServerLoad } from './$types';
import { wholeNumber } from '$lib/codes';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
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

export const actions: Actions = {
	answer: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const data = await request.formData();
		const eventId = String(data.get('eventId') ?? '');
		const coming = data.get('coming') === 'oui';
		const known = new Set<string>(NEEDS.map((n) => n.code));
		const needs = data.has('besoins')
			? {
					codes: data
						.getAll('needs')
						.map(String)
						.filter((code) => known.has(code)),
					detail: String(data.get('needsDetail') ?? '')
						.trim()
						.slice(0, 500)
				}
			: undefined;
		try {
			const status = await answerMeeting(
				locals.ctx,
				locals.actor,
				wholeNumber(eventId) ?? 0,
				coming,
				needs
			);
			return {
				eventId: Number(eventId),
				done:
					status === 'inscrit'
						? 'C’est noté : vous venez. Merci !'
						: status === 'attente'
							? 'La salle est pleine : vous êtes sur la liste d’attente, nous vous prévenons si une place se libère.'
							: 'C’est noté : vous ne venez pas. Merci de nous avoir prévenus.'
			};
		} catch (caught) {
			return failPlain(caught, { eventId: Number(eventId) });
		}
	}
};
