import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { idParam } from '$lib/server/web/params';
import {
	getThemeAnalysis,
	requestThemeAnalysis,
	startThemeComputation
} from '$lib/server/themes/analyses';
import { mergeThemes, renameTheme, splitTheme, validateTheme } from '$lib/server/themes/editing';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'contributions.manage');
	return { analysis: await orHttpError(getThemeAnalysis(getDb(), actor, idParam(params.id))) };
};

const text = z.string().default('');
const themeForm = { themeId: postedId };
const renameSchema = z.object({ ...themeForm, label: text });
const validateSchema = z.object({ ...themeForm, tag: text });
const mergeSchema = z.object({ ...themeForm, into: postedId });
const splitSchema = z.object(themeForm);
/** Which theme's form answered, so the page shows the message by it. */
const about = (values: Record<string, unknown>) => ({ themeId: Number(values.themeId) });

export const actions: Actions = {
	rename: ({ request, locals }) =>
		handleForm(
			request,
			renameSchema,
			async ({ themeId, label }) => {
				await renameTheme(getDb(), locals.actor, themeId, label);
				return 'Thème renommé.';
			},
			{ form: 'rename', firstError: true, answer: about }
		),
	validate: ({ request, locals }) =>
		handleForm(
			request,
			validateSchema,
			async ({ themeId, tag }) => {
				const chosen = await validateTheme(getDb(), locals.actor, themeId, tag);
				return `Thème validé : ses contributions portent l’étiquette « ${chosen} ».`;
			},
			{ form: 'validate', firstError: true, answer: about }
		),
	merge: ({ request, locals }) =>
		handleForm(
			request,
			mergeSchema,
			async ({ themeId, into }) => {
				await mergeThemes(getDb(), locals.actor, themeId, into);
				return 'Thèmes fusionnés.';
			},
			{
				form: 'merge',
				firstError: true,
				// The merged theme is gone: the message shows by the one it joined.
				answer: (values) => ({ themeId: Number(values.into) || Number(values.themeId) })
			}
		),
	split: ({ request, locals }) =>
		handleForm(
			request,
			splitSchema,
			async ({ themeId }) => {
				const parts = await splitTheme(getDb(), locals.actor, themeId);
				return parts.length === 1
					? 'Thème partagé en deux : le nouveau thème est proposé plus bas.'
					: `Thème partagé en ${parts.length + 1} : les nouveaux thèmes sont proposés plus bas.`;
			},
			{ form: 'split', firstError: true, answer: about }
		),
	rerun: ({ request, locals, params }) =>
		handleForm(
			request,
			z.object({}),
			async () => {
				const db = getDb();
				const analysis = await getThemeAnalysis(db, locals.actor, idParam(params.id));
				await requestThemeAnalysis(locals.ctx, locals.actor, analysis.scope);
				startThemeComputation(locals.ctx);
				return 'Calcul relancé : les thèmes validés sont gardés, les nouvelles contributions y sont placées.';
			},
			{ form: 'rerun' }
		)
};
