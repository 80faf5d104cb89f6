import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	changeFicheStatus,
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
import { DomainError } from '$lib/server/errors';
import { failForm, orHttpError } from '$lib/server/web/http';

const contentAdapter = zod4(ficheContentSchema);
const statusAdapter = zod4(statusChangeSchema);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'backoffice.access');
	const db = getDb();
	const fiche = await orHttpError(getFicheForEditing(db, actor, params.ref));
	const ficheRow = await db
		.selectFrom('fiche')
		.select('id')
		.where('ref', '=', fiche.ref)
		.executeTakeFirstOrThrow();
	const [owners, facets, indicators, detail, contributions] = await Promise.all([
		fiche.canChangeOwner ? listPossibleOwners(db, actor) : [],
		getFacets(db),
		listIndicators(db, ficheRow.id),
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
		contentForm: await superValidate(fiche.form, contentAdapter, { id: 'content', errors: false }),
		statusForm: await superValidate(
			{ status: fiche.status ?? 'non-renseigne', comment: '' },
			statusAdapter,
			{ id: 'status', errors: false }
		)
	};
};

export const actions: Actions = {
	content: async ({ request, locals, params }) => {
		const form = await superValidate(request, contentAdapter, { id: 'content' });
		if (!form.valid) return fail(400, { form: form });
		try {
			await updateFicheContent(getDb(), locals.actor, params.ref, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, { type: 'success', text: 'La fiche-action est enregistrée.' });
	},
	status: async ({ request, locals, params }) => {
		const form = await superValidate(request, statusAdapter, { id: 'status' });
		if (!form.valid) return fail(400, { form: form });
		try {
			await changeFicheStatus(getDb(), locals.actor, params.ref, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		form.data.comment = '';
		return message(form, { type: 'success', text: 'Le nouveau statut est publié.' });
	},
	addIndicator: async ({ request, locals, params }) => {
		const data = await request.formData();
		const parsed = indicatorSchema.safeParse({
			label: data.get('label') ?? '',
			unit: data.get('unit') ?? ''
		});
		if (!parsed.success) return fail(400, { indicatorError: parsed.error.issues[0].message });
		try {
			await addIndicator(getDb(), locals.actor, params.ref, parsed.data);
		} catch (caught) {
			if (caught instanceof DomainError)
				return fail(caught.status, { indicatorError: caught.message });
			throw caught;
		}
		return { indicatorSaved: 'L’indicateur est ajouté.' };
	},
	removeIndicator: async ({ request, locals, params }) => {
		const id = Number((await request.formData()).get('id'));
		try {
			await removeIndicator(getDb(), locals.actor, params.ref, id);
		} catch (caught) {
			if (caught instanceof DomainError)
				return fail(caught.status, { indicatorError: caught.message });
			throw caught;
		}
		return { indicatorSaved: 'L’indicateur est supprimé.' };
	}
};
