import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { orHttpError } from '$lib/server/web/http';
import { handleForm } from '$lib/server/web/forms';
import { postedId } from '$lib/server/form-fields';
import { idParam } from '$lib/server/web/params';
import {
	getTheme,
	linkThemeToFiche,
	moveToTheme,
	renameTheme,
	THEME_PAGE_SIZE
} from '$lib/server/themes/editing';
import { pageParam } from '$lib/server/web/query-params';
import { frenchNumber } from '$lib/french';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requirePermission(locals, url, 'contributions.manage');
	const page = pageParam(url);
	const theme = await orHttpError(getTheme(getDb(), actor, idParam(params.themeId), page));
	if (theme.analysisId !== idParam(params.id)) error(404, 'Ce thème n’est pas dans cette analyse.');
	return { theme, page, pageSize: THEME_PAGE_SIZE };
};

const text = z.string().default('');

export const actions: Actions = {
	rename: ({ request, locals, params }) =>
		handleForm(
			request,
			z.object({ label: text }),
			async ({ label }) => {
				await renameTheme(getDb(), locals.actor, idParam(params.themeId), label);
				return 'Thème renommé.';
			},
			{ form: 'rename', firstError: true }
		),
	move: ({ request, locals }) =>
		handleForm(
			request,
			z.object({ contributionId: postedId, to: postedId }),
			async ({ contributionId, to }) => {
				await moveToTheme(getDb(), locals.actor, contributionId, to);
				return `Contribution n° ${contributionId} déplacée.`;
			},
			{ form: 'move', firstError: true }
		),
	link: ({ request, locals, params }) =>
		handleForm(
			request,
			z.object({ ref: text, decision: text, explanation: text }),
			async (input) => {
				const count = await linkThemeToFiche(getDb(), locals.actor, idParam(params.themeId), input);
				return `${frenchNumber(count)} contribution${count > 1 ? 's' : ''} reliée${count > 1 ? 's' : ''} à ${input.ref.trim().toUpperCase()}, avec la décision et son explication.`;
			},
			{ form: 'link', firstError: true }
		)
};
