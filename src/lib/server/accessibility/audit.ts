// The RGAA 4.1.2 audit grid: 106 criteria, each conforming (C), not
// conforming (NC), not applicable (NA) or not tested (NT) on each page of a
// sample; the rate and the state of the accessibility statement come from
// it by the RGAA's own rules, never from a claim.
import { oneOf } from '$lib/codes';
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { fromDbJson, nowForDb, toDbJson } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError, NotFoundError } from '../errors';
import rgaa from './rgaa-4.1.2.json';

export const STATUSES = ['C', 'NC', 'NA', 'NT'] as const;
export type CriterionStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<CriterionStatus, string> = {
	C: 'Conforme',
	NC: 'Non conforme',
	NA: 'Non applicable',
	NT: 'Non testé'
};

export interface RgaaCriterion {
	id: string;
	theme: number;
	title: string;
	wcag: string[];
}
export const RGAA_THEMES: { number: number; title: string }[] = rgaa.themes;
export const RGAA_CRITERIA: RgaaCriterion[] = rgaa.criteria;
export const RGAA_SOURCE: string = rgaa.source;

export interface SamplePage {
	title: string;
	url: string;
}

export interface AuditInfo {
	auditedOn: string;
	auditor: string;
	sample: SamplePage[];
	environment: string;
	tools: string;
	technologies: string;
	derogations: string;
	exemptions: string;
}

export interface CriterionResult extends RgaaCriterion {
	statuses: CriterionStatus[];
	note: string;
	/** Over the sample, by the RGAA's rule. */
	overall: CriterionStatus;
}

export interface Audit extends AuditInfo {
	id: number;
	updatedAt: Date;
	criteria: CriterionResult[];
}

/**
 * A criterion is not conforming if it fails on one page; conforming if it
 * passes on one page and fails on none; not applicable if so everywhere.
 * Any page not yet tested leaves it untested unless it already failed.
 */
export function overallStatus(statuses: CriterionStatus[]): CriterionStatus {
	if (statuses.includes('NC')) return 'NC';
	if (statuses.length === 0 || statuses.includes('NT')) return 'NT';
	if (statuses.includes('C')) return 'C';
	return 'NA';
}

export type ComplianceState = 'totalement conforme' | 'partiellement conforme' | 'non conforme';

export interface AuditSummary {
	counts: Record<CriterionStatus, number>;
	/** Conforming ÷ applicable criteria, in percent; null when nothing applicable was tested. */
	rate: number | null;
	complete: boolean;
	state: ComplianceState;
}

/**
 * The state by the RGAA's rule: totally conforming at 100 %, partially from
 * 50 %, not conforming below, and not conforming while the audit is not
 * complete, since no state may be claimed without one.
 */
export function summarise(audit: Pick<Audit, 'criteria'> | null): AuditSummary {
	const counts: Record<CriterionStatus, number> = { C: 0, NC: 0, NA: 0, NT: 0 };
	for (const criterion of audit?.criteria ?? []) counts[criterion.overall]++;
	const applicable = counts.C + counts.NC;
	const rate = applicable ? Math.floor((1000 * counts.C) / applicable) / 10 : null;
	const complete =
		audit !== null && counts.NT === 0 && audit.criteria.length === RGAA_CRITERIA.length;
	const state: ComplianceState =
		!complete || rate === null || rate < 50
			? 'non conforme'
			: rate === 100
				? 'totalement conforme'
				: 'partiellement conforme';
	return { counts, rate, complete, state };
}

function statusesOf(json: string, pages: number): CriterionStatus[] {
	const saved = fromDbJson<string[]>(json, []);
	return Array.from({ length: pages }, (_, i) => oneOf(STATUSES, saved[i], 'NT'));
}

export async function getLatestAudit(db: Executor): Promise<Audit | null> {
	const row = await db
		.selectFrom('accessibility_audit')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return null;
	const sample = fromDbJson<SamplePage[]>(row.sample, []);
	const saved = new Map(
		(
			await db
				.selectFrom('accessibility_criterion')
				.selectAll()
				.where('audit_id', '=', row.id)
				.execute()
		).map((c) => [c.criterion, c])
	);
	return {
		id: row.id,
		auditedOn: row.audited_on,
		auditor: row.auditor,
		sample,
		environment: row.environment,
		tools: row.tools,
		technologies: row.technologies,
		derogations: row.derogations,
		exemptions: row.exemptions,
		updatedAt: new Date(row.updated_at),
		criteria: RGAA_CRITERIA.map((criterion) => {
			const found = saved.get(criterion.id);
			const statuses = statusesOf(found?.statuses ?? '[]', sample.length);
			return { ...criterion, statuses, note: found?.note ?? '', overall: overallStatus(statuses) };
		})
	};
}

const line = (what: string, max = 300) =>
	z
		.string()
		.trim()
		.min(1, { error: `Indiquez ${what}.` })
		.max(max, `${max} caractères au plus.`);

export const auditInfoSchema = z.object({
	auditedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Indiquez la date de l’audit.' }),
	auditor: line('qui a réalisé l’audit'),
	sample: z
		.string()
		.trim()
		.transform((text, ctx) => {
			const pages: SamplePage[] = [];
			for (const raw of text
				.split('\n')
				.map((l) => l.trim())
				.filter(Boolean)) {
				const [title, url] = raw.split('|').map((part) => part.trim());
				if (!title || !url || !url.startsWith('/')) {
					ctx.addIssue({
						code: 'custom',
						message: `Ligne « ${raw} » : écrivez « Titre | /adresse ».`
					});
					return z.NEVER;
				}
				pages.push({ title, url });
			}
			if (pages.length === 0 || pages.length > 20) {
				ctx.addIssue({ code: 'custom', message: 'Donnez de 1 à 20 pages, une par ligne.' });
				return z.NEVER;
			}
			return pages;
		}),
	environment: line('l’environnement de test', 2000),
	tools: line('les outils utilisés', 2000),
	technologies: line('les technologies', 1000),
	derogations: z.string().trim().max(4000).default(''),
	exemptions: z.string().trim().max(4000).default('')
});
export type AuditInfoInput = z.infer<typeof auditInfoSchema>;

/** Creates the grid, or updates its information; a changed sample keeps each page's statuses by address. */
export async function saveAuditInfo(
	db: Db,
	actor: Actor | null,
	input: AuditInfoInput
): Promise<number> {
	assertCan(actor, 'accessibility.manage');
	const current = await getLatestAudit(db);
	const now = nowForDb();
	const values = {
		audited_on: input.auditedOn,
		auditor: input.auditor,
		sample: toDbJson(input.sample),
		environment: input.environment,
		tools: input.tools,
		technologies: input.technologies,
		derogations: input.derogations,
		exemptions: input.exemptions,
		updated_at: now
	};
	return db.transaction().execute(async (tx) => {
		if (!current) {
			const { id } = await tx
				.insertInto('accessibility_audit')
				.values({ ...values, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow();
			await tx
				.insertInto('accessibility_criterion')
				.values(
					RGAA_CRITERIA.map((c) => ({
						audit_id: id,
						criterion: c.id,
						statuses: toDbJson(input.sample.map(() => 'NT'))
					}))
				)
				.execute();
			await recordAudit(tx, {
				actor,
				action: 'accessibility.audit_created',
				entityType: 'accessibility_audit',
				entityId: id
			});
			return id;
		}
		await tx.updateTable('accessibility_audit').set(values).where('id', '=', current.id).execute();
		const pageIndex = new Map(current.sample.map((page, i) => [page.url, i]));
		for (const criterion of current.criteria) {
			const statuses = input.sample.map((page) => {
				const i = pageIndex.get(page.url);
				return i === undefined ? 'NT' : criterion.statuses[i];
			});
			await tx
				.updateTable('accessibility_criterion')
				.set({ statuses: toDbJson(statuses) })
				.where('audit_id', '=', current.id)
				.where('criterion', '=', criterion.id)
				.execute();
		}
		await recordAudit(tx, {
			actor,
			action: 'accessibility.audit_updated',
			entityType: 'accessibility_audit',
			entityId: current.id
		});
		return current.id;
	});
}

/** Saves one theme of the grid from its form: `status.<criterion>.<page>` and `note.<criterion>`. */
export async function saveTheme(
	db: Db,
	actor: Actor | null,
	theme: number,
	values: Record<string, string>
): Promise<void> {
	assertCan(actor, 'accessibility.manage');
	const audit = await getLatestAudit(db);
	if (!audit) throw new NotFoundError('Créez d’abord la grille d’audit.');
	const criteria = audit.criteria.filter((c) => c.theme === theme);
	if (criteria.length === 0) throw new NotFoundError('Cette thématique n’existe pas.');
	await db.transaction().execute(async (tx) => {
		for (const criterion of criteria) {
			const statuses = audit.sample.map((_, page) => {
				const value = values[`status.${criterion.id}.${page}`] ?? criterion.statuses[page];
				if (!(STATUSES as readonly string[]).includes(value))
					throw new InvalidInputError(
						'Choisissez un statut de la liste.',
						`status.${criterion.id}.${page}`
					);
				return value;
			});
			const note = (values[`note.${criterion.id}`] ?? criterion.note).trim();
			if (note.length > 4000)
				throw new InvalidInputError('4 000 caractères au plus.', `note.${criterion.id}`);
			await tx
				.updateTable('accessibility_criterion')
				.set({ statuses: toDbJson(statuses), note })
				.where('audit_id', '=', audit.id)
				.where('criterion', '=', criterion.id)
				.execute();
		}
		await tx
			.updateTable('accessibility_audit')
			.set({ updated_at: nowForDb() })
			.where('id', '=', audit.id)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'accessibility.theme_saved',
			entityType: 'accessibility_audit',
			entityId: audit.id,
			after: { theme }
		});
	});
}

/** What the footer says on every page. */
export async function getComplianceState(db: Executor): Promise<ComplianceState> {
	return summarise(await getLatestAudit(db)).state;
}
