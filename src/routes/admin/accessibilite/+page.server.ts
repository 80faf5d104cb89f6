import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requirePermission } from '$lib/server/web/guards';
import { failPlain } from '$lib/server/web/http';
import { readForm } from '$lib/server/web/plain-form';
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

const text = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions: Actions = {
	info: async ({ request, locals }) => {
		const data = await request.formData();
		const values = Object.fromEntries(
			[
				'auditedOn',
				'auditor',
				'sample',
				'environment',
				'tools',
				'technologies',
				'derogations',
				'exemptions'
			].map((name) => [name, text(data, name)])
		);
		const parsed = readForm(auditInfoSchema, values);
		if (!parsed.ok) return fail(400, { scope: 'info', values, errors: parsed.errors });
		try {
			await saveAuditInfo(getDb(), locals.actor, parsed.data);
		} catch (caught) {
			return failPlain(caught, { scope: 'info', values, errors: {} });
		}
		return { scope: 'info', saved: true };
	},
	plan: async ({ request, locals }) => {
		const data = await request.formData();
		const values = {
			firstYear: text(data, 'firstYear'),
			schema: text(data, 'schema'),
			actionPlan: text(data, 'actionPlan')
		};
		const parsed = readForm(planSchema, values);
		if (!parsed.ok) return fail(400, { scope: 'plan', values, errors: parsed.errors });
		try {
			await saveAccessibilityPlan(getDb(), locals.actor, parsed.data);
		} catch (caught) {
			return failPlain(caught, { scope: 'plan', values, errors: {} });
		}
		return { scope: 'plan', saved: true };
	}
};
