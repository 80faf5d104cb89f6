// Reading contributions with their origin, tags and links.
import { fromDbBool } from '../db/codecs';
import type { Executor } from '../db/database';
import type { Selectable } from 'kysely';
import type { ContributionTable } from '../db/schema';
import type { ContributionItem, ContributionLink } from './model';

export function contributionsQuery(db: Executor) {
	return db
		.selectFrom('contribution as c')
		.leftJoin('territory', 'territory.id', 'c.territory_id')
		.leftJoin('commune', 'commune.insee_code', 'c.commune_insee_code')
		.leftJoin('consultation', 'consultation.id', 'c.consultation_id')
		.leftJoin('event', 'event.id', 'c.event_id')
		.leftJoin('user as assignee', 'assignee.id', 'c.assigned_user_id');
}

export const CONTRIBUTION_COLUMNS = [
	'c.id',
	'c.source',
	'c.text',
	'c.public_text',
	'c.mask_reason',
	'c.created_at',
	'c.triage_state',
	'c.assigned_user_id',
	'c.author_user_id',
	'c.contact_email',
	'c.contact_consent',
	'c.response_id',
	'c.merged_into_id',
	'c.consultation_id',
	'c.event_id',
	'territory.name as territory_name',
	'commune.name as commune_name',
	'consultation.title as consultation_title',
	'event.title as event_title',
	'assignee.display_name as assignee_name'
] as const;

/** A row of CONTRIBUTION_COLUMNS: the contribution's own columns, typed by the schema, and the joined names. */
type Row = Pick<
	Selectable<ContributionTable>,
	| 'id'
	| 'source'
	| 'text'
	| 'public_text'
	| 'mask_reason'
	| 'created_at'
	| 'triage_state'
	| 'assigned_user_id'
	| 'author_user_id'
	| 'contact_email'
	| 'contact_consent'
	| 'response_id'
	| 'merged_into_id'
	| 'consultation_id'
	| 'event_id'
> & {
	territory_name: string | null;
	commune_name: string | null;
	consultation_title: string | null;
	event_title: string | null;
	assignee_name: string | null;
};

export async function linksOf(
	db: Executor,
	ids: number[]
): Promise<Map<number, ContributionLink[]>> {
	const map = new Map<number, ContributionLink[]>();
	if (!ids.length) return map;
	const rows = await db
		.selectFrom('contribution_link')
		.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
		.select([
			'contribution_link.id',
			'contribution_link.contribution_id',
			'contribution_link.fiche_id',
			'contribution_link.decision',
			'contribution_link.explanation',
			'contribution_link.decided_at',
			'fiche.ref',
			'fiche.title',
			'fiche.status'
		])
		.where('contribution_link.contribution_id', 'in', ids)
		.orderBy('fiche.ref')
		.execute();
	for (const r of rows)
		map.set(r.contribution_id, [
			...(map.get(r.contribution_id) ?? []),
			{
				id: r.id,
				ficheId: r.fiche_id,
				ref: r.ref,
				title: r.title,
				ficheStatus: r.status,
				decision: r.decision,
				explanation: r.explanation,
				decidedAt: r.decided_at
			}
		]);
	return map;
}

export async function tagsOf(db: Executor, ids: number[]): Promise<Map<number, string[]>> {
	const map = new Map<number, string[]>();
	if (!ids.length) return map;
	const rows = await db
		.selectFrom('contribution_tag')
		.select(['contribution_id', 'tag'])
		.where('contribution_id', 'in', ids)
		.orderBy('tag')
		.execute();
	for (const r of rows) map.set(r.contribution_id, [...(map.get(r.contribution_id) ?? []), r.tag]);
	return map;
}

export async function toItems(
	db: Executor,
	rows: Row[],
	options: { showOriginal: boolean }
): Promise<ContributionItem[]> {
	const ids = rows.map((r) => r.id);
	const [links, tags, duplicates] = await Promise.all([
		linksOf(db, ids),
		tagsOf(db, ids),
		ids.length
			? db
					.selectFrom('contribution')
					.select(['merged_into_id', (eb) => eb.fn.countAll<number>().as('n')])
					.where('merged_into_id', 'in', ids)
					.groupBy('merged_into_id')
					.execute()
			: Promise.resolve([])
	]);
	return rows.map((r) => ({
		id: r.id,
		source: r.source,
		publicText: r.public_text ?? r.text,
		originalText: options.showOriginal ? r.text : null,
		masked: r.public_text !== null,
		maskReason: r.mask_reason,
		createdAt: r.created_at,
		territoryName: r.territory_name,
		communeName: r.commune_name,
		origin: r.consultation_id
			? { kind: 'consultation', title: r.consultation_title, id: r.consultation_id }
			: r.event_id
				? { kind: 'evenement', title: r.event_title, id: r.event_id }
				: { kind: 'autre', title: null, id: null },
		authorKnown: r.author_user_id !== null || r.contact_email !== null || r.response_id !== null,
		contactConsent: fromDbBool(r.contact_consent),
		state: r.triage_state,
		assignedUserId: r.assigned_user_id,
		assignedName: r.assignee_name,
		tags: tags.get(r.id) ?? [],
		links: links.get(r.id) ?? [],
		mergedIntoId: r.merged_into_id,
		duplicates: Number(duplicates.find((d) => d.merged_into_id === r.id)?.n ?? 0)
	}));
}
