import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getFicheByRef } from '$lib/server/fiches/catalogue';
import { consultationsForFiche } from '$lib/server/consultations/public';

export const load: PageServerLoad = async ({ params }) => {
	const fiche = /^[A-Za-z]{3}-\d{1,3}$/.test(params.ref)
		? await getFicheByRef(getDb(), params.ref)
		: null;
	if (!fiche) {
		error(404, {
			message: `La fiche-action « ${params.ref.slice(0, 20)} » n’existe pas.`,
			link: { href: '/schema', label: 'Voir toutes les fiches-actions' }
		});
	}
	if (params.ref !== fiche.ref) redirect(301, `/schema/${fiche.ref}`);
	return { fiche, consultations: await consultationsForFiche(getDb(), fiche.ref) };
};
