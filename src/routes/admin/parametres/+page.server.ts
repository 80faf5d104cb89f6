import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import {
	changeDisclosureThreshold,
	departmentSchema,
	disclosureThresholdSchema,
	getDepartment,
	getDisclosureThreshold
} from '$lib/server/settings/settings';
import { changeDepartment } from '$lib/server/reference/service';
import { changeIdentity, getIdentity, identitySchema } from '$lib/server/settings/identity';
import { handleForm } from '$lib/server/web/forms';
import {
	getLogoInfo,
	LOGO_MAX_BYTES,
	logoFormSchema,
	removeLogo,
	saveLogo
} from '$lib/server/settings/logo';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'settings.manage');
	const db = getDb();
	const threshold = await getDisclosureThreshold(db);
	return {
		threshold,
		department: await getDepartment(db),
		identity: await getIdentity(db),
		logo: await getLogoInfo(db),
		logoMaxKb: LOGO_MAX_BYTES / 1024
	};
};

export const actions: Actions = {
	department: ({ request, locals }) =>
		handleForm(
			request,
			departmentSchema,
			async (department) => {
				const count = await changeDepartment(getDb(), locals.actor, department);
				return `Département enregistré : ${count} communes chargées. Rattachez leurs intercommunalités à un territoire dans le référentiel.`;
			},
			{ form: 'department', keepValues: true }
		),
	identity: ({ request, locals }) =>
		handleForm(
			request,
			identitySchema,
			async (identity) => {
				await changeIdentity(getDb(), locals.actor, identity);
				return 'Identité enregistrée : les courriels et les pages la reprennent dès maintenant.';
			},
			{ form: 'identity', keepValues: true }
		),
	logo: ({ request, locals }) =>
		handleForm(
			request,
			logoFormSchema,
			async ({ intent, logo }) => {
				if (intent === 'remove' || !(logo instanceof File)) {
					await removeLogo(getDb(), locals.actor);
					return 'Logo retiré : l’en-tête et les lettres n’en montrent plus.';
				}
				await saveLogo(getDb(), locals.actor, new Uint8Array(await logo.arrayBuffer()));
				return 'Logo enregistré : l’en-tête du site et les lettres le montrent.';
			},
			{ form: 'logo' }
		),
	disclosure: ({ request, locals }) =>
		handleForm(
			request,
			disclosureThresholdSchema,
			async ({ threshold }) => {
				await changeDisclosureThreshold(getDb(), locals.actor, threshold);
				return `Seuil enregistré : aucun chiffre public ne portera sur moins de ${threshold} personnes.`;
			},
			{ form: 'disclosure', keepValues: true }
		)
};
