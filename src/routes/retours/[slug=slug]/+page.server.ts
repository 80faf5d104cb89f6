import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { orHttpError } from '$lib/server/web/http';
import { renderMarkdown } from '$lib/server/markdown';
import { figuresOf, getPublishedRetour } from '$lib/server/retours/manage';

export const load: PageServerLoad = async ({ params }) => {
	const db = getDb();
	const retour = await orHttpError(getPublishedRetour(db, params.slug));
	return {
		retour: {
			title: retour.title,
			publishedAt: retour.publishedAt!,
			consultationTitle: retour.consultationTitle,
			events: retour.events,
			html: renderMarkdown(retour.body),
			falcHtml: retour.falcBody ? renderMarkdown(retour.falcBody) : null
		},
		figures: await figuresOf(db, retour)
	};
};
