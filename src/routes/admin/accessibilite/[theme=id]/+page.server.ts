import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import {
	getLatestAudit,
	RGAA_THEMES,
	saveTheme,
	STATUS_LABELS,
	STATUSES
} from '$lib/server/accessibility/audit';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, 'accessibility.manage');
	const theme = RGAA_THEMES.find((t) => t.number === Number(params.theme));
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

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values: Record<string, string> = {};
		for (const [name, value] of data) if (typeof value === 'string') values[name] = value;
		try {
			await saveTheme(getDb(), locals.actor, Number(params.theme), values);
		} catch (caught) {
			return failPlain(caught);
		}
		return { saved: true };
	}
};
