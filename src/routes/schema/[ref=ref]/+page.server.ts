import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getFicheByRef } from '$lib/server/fiches/catalogue';
import { consultationsForFiche } from '$lib/server/consultations/public';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/forms';
import {
	ficheContributions,
	ficheMessageSchema,
	leaveMessageOnFiche
} from '$lib/server/contributions/traceability';

async function ficheOr404(ref: string) {
	const fiche = /^[A-Za-z]{3}-\d{1,3}$/.test(ref) ? await getFicheByRef(getDb(), ref) : null;
	if (!fiche) {
		error(404, {
			message: `La fiche-action « ${ref.slice(0, 20)} » n’existe pas.`,
			link: { href: '/schema', label: 'Voir toutes les fiches-actions' }
		});
	}
	return fiche;
}

export const load: PageServerLoad = async ({ params }) => {
	const fiche = await ficheOr404(params.ref);
	if (params.ref !== fiche.ref) redirect(301, `/schema/${fiche.ref}`);
	const db = getDb();
	return {
		fiche,
		consultations: await consultationsForFiche(db, fiche.ref),
		contributions: await ficheContributions(db, fiche.ref)
	};
};

export const actions: Actions = {
	message: async ({ request, params, locals, getClientAddress }) => {
		const fiche = await ficheOr404(params.ref);
		const data = await request.formData();
		const text = (name: string) => {
			const value = data.get(name);
			return typeof value === 'string' ? value : '';
		};
		const values = { text: text('text'), name: text('name'), email: text('email') };
		const contactConsent = data.get('contactConsent') === 'on';
		if (text('site_web'))
			return fail(400, {
				values,
				contactConsent,
				errors: {},
				error: 'Votre envoi n’a pas pu être accepté.'
			});
		const parsed = readForm(ficheMessageSchema, { ...values, contactConsent });
		if (!parsed.ok)
			return fail(400, { values, contactConsent, errors: parsed.errors, error: null });
		try {
			const { receiptCode } = await leaveMessageOnFiche(
				locals.ctx,
				locals.actor,
				fiche.ref,
				parsed.data,
				getClientAddress()
			);
			return { receiptCode };
		} catch (caught) {
			return failPlain(caught, { values, contactConsent, errors: {} as Record<string, string> });
		}
	}
};
