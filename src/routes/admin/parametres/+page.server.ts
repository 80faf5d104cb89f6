import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
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
import { failForm, failPlain } from '$lib/server/web/http';
import { getLogoInfo, LOGO_MAX_BYTES, removeLogo, saveLogo } from '$lib/server/settings/logo';

const adapter = zod4(departmentSchema);
const thresholdAdapter = zod4(disclosureThresholdSchema);
const identityAdapter = zod4(identitySchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'settings.manage');
	const db = getDb();
	const threshold = await getDisclosureThreshold(db);
	return {
		threshold,
		form: await superValidate(await getDepartment(db), adapter, { errors: false }),
		thresholdForm: await superValidate({ threshold }, thresholdAdapter, {
			errors: false,
			id: 'disclosure'
		}),
		identityForm: await superValidate(await getIdentity(db), identityAdapter, {
			errors: false,
			id: 'identity'
		}),
		logo: await getLogoInfo(db),
		logoMaxKb: LOGO_MAX_BYTES / 1024
	};
};

export const actions: Actions = {
	department: async ({ request, locals }) => {
		const form = await superValidate(request, adapter);
		if (!form.valid) return fail(400, { form });
		let count: number;
		try {
			count = await changeDepartment(getDb(), locals.actor, form.data);
		} catch (caught) {
			return failForm(form, caught);
		}
		return message(form, {
			type: 'success',
			text: `Département enregistré : ${count} communes chargées. Rattachez leurs intercommunalités à un territoire dans le référentiel.`
		});
	},
	identity: async ({ request, locals }) => {
		const identityForm = await superValidate(request, identityAdapter, { id: 'identity' });
		if (!identityForm.valid) return fail(400, { identityForm });
		try {
			await changeIdentity(getDb(), locals.actor, identityForm.data);
		} catch (caught) {
			return failForm(identityForm, caught);
		}
		return message(identityForm, {
			type: 'success',
			text: 'Identité enregistrée : les courriels et les pages la reprennent dès maintenant.'
		});
	},
	logo: async ({ request, locals }) => {
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return fail(400, { logo: { error: 'Le fichier n’a pas pu être lu. Réessayez.' } });
		}
		const intent = data.get('intent');
		try {
			if (intent === 'remove') {
				await removeLogo(getDb(), locals.actor);
				return { logo: { success: 'Logo retiré : l’en-tête et les lettres n’en montrent plus.' } };
			}
			const file = data.get('logo');
			if (intent !== 'save' || !(file instanceof File) || file.size === 0) {
				return fail(400, { logo: { error: 'Choisissez un fichier image (PNG ou JPEG).' } });
			}
			await saveLogo(getDb(), locals.actor, new Uint8Array(await file.arrayBuffer()));
		} catch (caught) {
			const failed = failPlain(caught);
			return fail(failed.status, { logo: { error: failed.data.error } });
		}
		return {
			logo: { success: 'Logo enregistré : l’en-tête du site et les lettres le montrent.' }
		};
	},
	disclosure: async ({ request, locals }) => {
		const thresholdForm = await superValidate(request, thresholdAdapter, { id: 'disclosure' });
		if (!thresholdForm.valid) return fail(400, { thresholdForm });
		try {
			await changeDisclosureThreshold(getDb(), locals.actor, thresholdForm.data.threshold);
		} catch (caught) {
			return failForm(thresholdForm, caught);
		}
		return message(thresholdForm, {
			type: 'success',
			text: `Seuil enregistré : aucun chiffre public ne portera sur moins de ${thresholdForm.data.threshold} personnes.`
		});
	}
};
