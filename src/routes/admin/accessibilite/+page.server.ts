import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { handleForm } from '$lib/server/web/forms';
import {
	auditInfoSchema,
	getLatestAudit,
	RGAA_THEMES,
	saveAuditInfo,
	summarise
} from '$lib/server/accessibility/audit';
import {
	getAccessibilityPlan,
	planSchema,
	saveAccessibilityPlan
} from '$lib/server/accessibility/plan';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'accessibility.manage');
	const db = getDb();
	const audit = await getLatestAudit(db);
	return {
		audit: audit && {
			auditedOn: audit.auditedOn,
			auditor: audit.auditor,
			sample: audit.sample.map((p) => `${p.title} | ${p.url}`).join('\n'),
			environment: audit.environment,
			tools: audit.tools,
			technologies: audit.technologies,
			derogations: audit.derogations,
			exemptions: audit.exemptions,
			updatedAt: audit.updatedAt
		},
		summary: summarise(audit),
		themes: RGAA_THEMES.map((theme) => {
			const criteria = audit?.criteria.filter((c) => c.theme === theme.number) ?? [];
			return {
				...theme,
				total: criteria.length,
				untested: criteria.filter((c) => c.overall === 'NT').length,
				failing: criteria.filter((c) => c.overall === 'NC').length
			};
		}),
		plan: await getAccessibilityPlan(db)
	};
};

export const actions: Actions = {
	info: ({ request, locals }) =>
		handleForm(
			request,
			auditInfoSchema,
			async (info) => {
				await saveAuditInfo(getDb(), locals.actor, info);
				return { saved: true };
			},
			{ answer: () => ({ scope: 'info' }) }
		),
	plan: ({ request, locals }) =>
		handleForm(
			request,
			planSchema,
			async (plan) => {
				await saveAccessibilityPlan(getDb(), locals.actor, plan);
				return { saved: true };
			},
			{ answer: () => ({ scope: 'plan' }) }
		)
};
