import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { getLatestAudit, summarise, STATUS_LABELS } from '$lib/server/accessibility/audit';
import { getAccessibilityPlan } from '$lib/server/accessibility/plan';
import { getIdentity } from '$lib/server/settings/identity';
import { renderMarkdown } from '$lib/server/markdown';

export const load: PageServerLoad = async () => {
	const db = getDb();
	const [audit, plan, identity] = await Promise.all([
		getLatestAudit(db),
		getAccessibilityPlan(db),
		getIdentity(db)
	]);
	const failing = (audit?.criteria ?? []).filter((c) => c.overall === 'NC');
	return {
		identity,
		summary: summarise(audit),
		audit: audit && {
			auditedOn: audit.auditedOn,
			auditor: audit.auditor,
			sample: audit.sample,
			environment: audit.environment,
			tools: audit.tools,
			technologies: audit.technologies,
			derogations: audit.derogations,
			exemptions: audit.exemptions
		},
		failing: failing.map((c) => ({
			id: c.id,
			title: c.title,
			note: c.note,
			pages: audit!.sample.filter((_, i) => c.statuses[i] === 'NC').map((p) => p.title)
		})),
		untested: (audit?.criteria ?? []).filter((c) => c.overall === 'NT').map((c) => c.id),
		statusLabels: STATUS_LABELS,
		plan: {
			firstYear: plan.firstYear,
			schemaHtml: renderMarkdown(plan.schema),
			actionPlanHtml: renderMarkdown(plan.actionPlan)
		}
	};
};
