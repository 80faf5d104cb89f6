import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	changeFicheStatus,
	ficheContentFields,
	ficheContentSchema,
	getFicheForEditing,
	listPossibleOwners,
	statusChangeSchema,
	updateFicheContent
} from '$lib/server/fiches/editing';
import { getFacets, getFicheByRef } from '$lib/server/fiches/catalogue';
import { contributionsOnFiche } from '$lib/server/contributions/inbox';
import {
	addIndicator,
	indicatorSchema,
	listIndicators,
	removeIndicator
} from '$lib/server/fiches/indicators';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	const db = getDb();
	const fiche = await orHttpError(getFicheForEditing(db, actor, params.ref));
	const [owners, facets, indicators, detail, contributions] = await Promise.all([
		fiche.canChangeOwner ? listPossibleOwners(db, actor) : [],
		getFacets(db),
		listIndicators(db, fiche.id),
		getFicheByRef(db, fiche.ref),
		orHttpError(contributionsOnFiche(db, actor, fiche.ref))
	]);
	return {
		fiche: {
			ref: fiche.ref,
			title: fiche.title,
			status: fiche.status,
			canChangeOwner: fiche.canChangeOwner
		},
		owners: owners.map((o) => ({ value: String(o.id), label: o.display_name })),
		territories: facets.territories.map((t) => ({ value: t.code, label: t.name })),
		indicators,
		history: detail?.history ?? [],
		contributions,
		content: ficheContentFields(fiche.content),
		status: { status: fiche.status ?? 'non-renseigne', comment: '' }
	};
};

export const actions: Actions = {
	content: ({ request, locals, params }) =>
		handleForm(
			request,
			ficheContentSchema,
			async (content) => {
				await updateFicheContent(getDb(), locals.actor, params.ref, content);
				return 'La fiche-action est enregistrée.';
			},
			{ form: 'content' }
		),
	status: ({ request, locals, params }) =>
		handleForm(
			request,
			statusChangeSchema,
			async (change) => {
				await changeFicheStatus(getDb(), locals.actor, params.ref, change);
				return 'Le nouveau statut est publié.';
			},
			{ form: 'status' }
		),
	addIndicator: ({ request, locals, params }) =>
		handleForm(
			request,
			indicatorSchema,
			async (indicator) => {
				await addIndicator(getDb(), locals.actor, params.ref, indicator);
				return 'L’indicateur est ajouté.';
			},
			{ form: 'indicator' }
		),
	removeIndicator: ({ request, locals, params }) =>
		handleForm(
			request,
			z.object({ id: postedId }),
			async ({ id }) => {
				await removeIndicator(getDb(), locals.actor, params.ref, id);
				return 'L’indicateur est supprimé.';
			},
			{ form: 'indicator' }
		)
};
