import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm, noFields } from '$lib/server/web/forms';
import { renderMarkdown } from '$lib/server/markdown';
import { idParam } from '$lib/server/web/params';
import { figuresOf, getRetour, publishRetour, updateRetour } from '$lib/server/retours/manage';
import { retourSchema } from '$lib/server/retours/schemas';
import { retourFormOptions } from '$lib/server/retours/admin-page';
import {
	deliveryProgress,
	processRetourDeliveries,
	startRetourSending
} from '$lib/server/retours/delivery';
import { contradictions } from '$lib/server/retours/consistency';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'retours.manage');
	const db = getDb();
	const retour = await orHttpError(getRetour(db, actor, idParam(params.id)));
	const figures = await figuresOf(db, retour);
	return {
		retour,
		preview: { html: renderMarkdown(retour.body), falcHtml: renderMarkdown(retour.falcBody) },
		figures,
		contradictions: contradictions([retour.body, retour.falcBody], figures),
		options: await retourFormOptions(db, locals.actor),
		progress: await deliveryProgress(db, actor, retour.id)
	};
};

export const actions: Actions = {
	save: ({ request, locals, params }) =>
		handleForm(
			request,
			retourSchema,
			async (retour) => {
				await updateRetour(getDb(), locals.actor, idParam(params.id), retour);
				return 'Retour enregistré : l’aperçu ci-dessous est à jour.';
			},
			{ keepValues: true }
		),
	send: ({ request, locals, params }) =>
		handleForm(request, noFields, async () => {
			const queued = await startRetourSending(locals.ctx.db, locals.actor, idParam(params.id));
			// The first batch goes now; the server sends the rest every quarter of an hour.
			const { sent, failed } = await processRetourDeliveries(locals.ctx);
			return queued
				? `${queued} envoi${queued > 1 ? 's' : ''} préparé${queued > 1 ? 's' : ''} : ${sent} courriel${sent > 1 ? 's' : ''} parti${sent > 1 ? 's' : ''}${failed ? `, ${failed} en échec (nouvel essai automatique)` : ''}.`
				: 'Toutes les personnes qui l’ont demandé ont déjà reçu ce retour.';
		}),
	publish: ({ request, locals, params }) =>
		handleForm(request, noFields, async () => {
			await publishRetour(getDb(), locals.actor, idParam(params.id));
			return 'Retour publié.';
		})
};
