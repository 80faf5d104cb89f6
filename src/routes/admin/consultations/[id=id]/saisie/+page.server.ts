import { fail } from '@sveltejs/kit';
import { wholeNumber } from '$lib/codes';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { generateToken } from '$lib/server/auth/tokens';
import {
	listCommuneChoices,
	listCommuneCodes,
	loadQuestionnaire
} from '$lib/server/consultations/queries';
import { consultationForOffice } from '$lib/server/consultations/admin-page';
import { enterResponse, ENTRY_CHANNELS } from '$lib/server/consultations/entry';
import { idParam } from '$lib/server/web/params';
import { sectionView } from '$lib/server/consultations/view';
import { tourStopForOffice } from '$lib/server/events/admin-page';
import { HALF_DAYS } from '$lib/event-vocabulary';
import { orHttpError } from '$lib/server/web/http';
import { postedTexts, refusal } from '$lib/server/web/forms';
import { AUDIENCE_LABELS, CHANNEL_LABELS } from '$lib/consultation-vocabulary';

const META = [
	'channel',
	'audience',
	'interviewPlace',
	'interviewCommune',
	'interviewDate'
] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'consultations.enter');
	const db = getDb();
	const id = idParam(params.id);
	const consultation = await orHttpError(
		consultationForOffice(db, locals.actor, id, 'consultations.enter')
	);
	const questionnaire = await loadQuestionnaire(db, id);
	// Coming from a tour stop: the interview's place, commune and day are known.
	const stopId = wholeNumber(url.searchParams.get('etape'));
	const stop =
		stopId !== null ? await orHttpError(tourStopForOffice(db, locals.actor, stopId)) : null;
	return {
		stop: stop
			? {
					id: stop.id,
					label: `${stop.communeName}, ${stop.place}, ${stop.day} (${HALF_DAYS.find((h) => h.code === stop.halfDay)?.label.toLowerCase()})`,
					meta: {
						channel: 'terrain',
						interviewPlace: stop.place,
						interviewCommune: stop.communeCode,
						interviewDate: stop.day,
						tourStopId: String(stop.id)
					}
				}
			: null,
		consultation: { id, title: consultation.title, status: consultation.status },
		sections: questionnaire.sections.map((s) => sectionView(s, questionnaire)),
		communes: await listCommuneChoices(db),
		channels: ENTRY_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
		audiences: consultation.audiences.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] })),
		submissionKey: generateToken()
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const db = getDb();
		const id = idParam(params.id);
		// The answers' fields are the questionnaire's: the answers module reads them.
		const data = await request.formData();
		const meta = postedTexts(data, META);
		let outcome;
		try {
			const consultation = await consultationForOffice(db, locals.actor, id, 'consultations.enter');
			const questionnaire = await loadQuestionnaire(db, id);
			const communes = await listCommuneCodes(db);
			outcome = await enterResponse(db, locals.actor, consultation, questionnaire, data, communes);
		} catch (caught) {
			return refusal(caught, { meta });
		}
		if (!outcome.ok)
			return fail(400, {
				meta,
				raw: outcome.raw,
				errors: outcome.errors,
				metaErrors: outcome.metaErrors
			});
		// The place and day stay filled in: agents enter a whole series from one stop.
		return {
			meta,
			receiptCode: outcome.receiptCode,
			duplicate: outcome.duplicate,
			submissionKey: generateToken()
		};
	}
};
