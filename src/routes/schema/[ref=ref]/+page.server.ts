import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getFicheByRef } from '$lib/server/fiches/catalogue';
import { consultationsForFiche } from '$lib/server/consultations/public';
import { readPosted, refusal } from '$lib/server/web/forms';
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
		const posted = await readPosted(request, ficheMessageSchema, {
			honeypot: true,
			answer: (values) => ({ contactConsent: values.contactConsent === true })
		});
		if (!posted.ok) return posted.failure;
		const { values } = posted;
		const contactConsent = posted.data.contactConsent;
		try {
			const { receiptCode } = await leaveMessageOnFiche(
				locals.ctx,
				locals.actor,
				fiche.ref,
				posted.data,
				getClientAddress()
			);
			return { receiptCode };
		} catch (caught) {
			return refusal(caught, { values, contactConsent, errors: {} as Record<string, string> });
		}
	}
};
