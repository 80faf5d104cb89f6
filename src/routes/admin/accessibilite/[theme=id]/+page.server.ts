import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import { idParam } from '$lib/server/web/params';
import {
	getLatestAudit,
	RGAA_THEMES,
	saveTheme,
	STATUS_LABELS,
	STATUSES
} from '$lib/server/accessibility/audit';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'accessibility.manage');
	const theme = RGAA_THEMES.find((t) => t.number === idParam(params.theme));
	if (!theme) error(404, 'Cette thématique n’existe pas.');
	const audit = await getLatestAudit(getDb());
	if (!audit) error(404, 'Créez d’abord la grille d’audit.');
	return {
		theme,
		sample: audit.sample,
		criteria: audit.criteria.filter((c) => c.theme === theme.number),
		statuses: STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
		previous: RGAA_THEMES.find((t) => t.number === theme.number - 1) ?? null,
		next: RGAA_THEMES.find((t) => t.number === theme.number + 1) ?? null
	};
};

/** One status per criterion of the theme, named after it. */
const statusesSchema = z.record(z.string(), z.string());

export const actions: Actions = {
	default: ({ request, locals, params }) =>
		handleForm(request, statusesSchema, async (statuses) => {
			await saveTheme(getDb(), locals.actor, idParam(params.theme), statuses);
			return { saved: true };
		})
};
