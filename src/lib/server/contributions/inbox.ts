// The officers' inbox: every contribution with its source, filters and a
// French full-text search; one contribution with the fiches suggested.
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { assertCan, can, type Actor } from '../auth/permissions';
import { NotFoundError } from '../errors';
import { authorize, contributionScope } from '../auth/policy';
import { foldForSearch } from '../text';
import type { ContributionSource, ContributionState, Decision } from '$lib/contribution-vocabulary';
import type { ContributionItem } from './model';
import { CONTRIBUTION_COLUMNS, contributionsQuery, toItems } from './queries';
import { suggestFiches, type Suggestion } from './suggest';
import { TextIndex } from './text-index';

export const INBOX_PAGE_SIZE = 50;

export interface InboxFilters {
	q?: string;
	source?: ContributionSource;
	consultationId?: number;
	eventId?: number;
	territoryId?: number;
	/** Contributions linked to a fiche of this axis, or tagged with it. */
	axis?: string;
	state?: ContributionState;
	tag?: string;
	from?: string;
	to?: string;
	assignedUserId?: number;
	ficheId?: number;
	/** The answers to one free-text question of a consultation. */
	questionId?: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function filtered(db: Db, filters: InboxFilters) {
	let query = contributionsQuery(db).where('c.merged_into_id', 'is', null);
	if (filters.source) query = query.where('c.source', '=', filters.source);
	if (filters.consultationId) query = query.where('c.consultation_id', '=', filters.consultationId);
	if (filters.eventId) query = query.where('c.event_id', '=', filters.eventId);
	if (filters.questionId) query = query.where('c.question_id', '=', filters.questionId);
	if (filters.territoryId) query = query.where('c.territory_id', '=', filters.territoryId);
	if (filters.state) query = query.where('c.triage_state', '=', filters.state);
	if (filters.assignedUserId)
		query = query.where('c.assigned_user_id', '=', filters.assignedUserId);
	if (filters.from && ISO_DAY.test(filters.from))
		query = query.where('c.created_at', '>=', filters.from);
	if (filters.to && ISO_DAY.test(filters.to))
		query = query.where('c.created_at', '<', `${filters.to}T23:59:59.999Z`);
	if (filters.tag)
		query = query.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('contribution_tag')
					.select('contribution_tag.tag')
					.whereRef('contribution_tag.contribution_id', '=', 'c.id')
					.where('contribution_tag.tag', '=', filters.tag!)
			)
		);
	if (filters.ficheId)
		query = query.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('contribution_link')
					.select('contribution_link.id')
					.whereRef('contribution_link.contribution_id', '=', 'c.id')
					.where('contribution_link.fiche_id', '=', filters.ficheId!)
			)
		);
	if (filters.axis)
		query = query.where(({ or, exists, selectFrom }) =>
			or([
				exists(
					selectFrom('contribution_link')
						.innerJoin('fiche', 'fiche.id', 'contribution_link.fiche_id')
						.select('contribution_link.id')
						.whereRef('contribution_link.contribution_id', '=', 'c.id')
						.where('fiche.axis_code', '=', filters.axis!)
				),
				exists(
					selectFrom('contribution_tag')
						.select('contribution_tag.tag')
						.whereRef('contribution_tag.contribution_id', '=', 'c.id')
						.where('contribution_tag.tag', '=', filters.axis!)
				)
			])
		);
	for (const word of foldForSearch(filters.q ?? '')
		.split(' ')
		.filter((w) => w.length > 1)
		.slice(0, 8)) {
		const like = `%${word.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
		query = query.where(sql<boolean>`c.search_text like ${like} escape '\\'`);
	}
	return query;
}

export async function listContributions(
	db: Db,
	actor: Actor | null,
	filters: InboxFilters,
	page = 1
): Promise<{ items: ContributionItem[]; total: number }> {
	assertCan(actor, 'contributions.manage');
	const base = filtered(db, filters);
	const { total } = await base
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	const rows = await base
		.select(CONTRIBUTION_COLUMNS)
		.orderBy('c.created_at', 'desc')
		.orderBy('c.id', 'desc')
		.limit(INBOX_PAGE_SIZE)
		.offset((Math.max(1, page) - 1) * INBOX_PAGE_SIZE)
		.execute();
	return {
		total: Number(total),
		items: await toItems(db, rows, { showOriginal: can(actor, 'contributions.moderate') })
	};
}

/** Every contribution the filters keep, oldest first: what a theme analysis groups. */
export async function contributionTexts(
	db: Db,
	filters: InboxFilters
): Promise<{ id: number; text: string }[]> {
	return filtered(db, filters).select(['c.id', 'c.text']).orderBy('c.id').execute();
}

export async function getContribution(
	db: Db,
	actor: Actor | null,
	id: number
): Promise<{ item: ContributionItem; suggestions: Suggestion[] }> {
	await authorize(db, actor, 'contribution.read', { contributionId: id });
	const row = await contributionsQuery(db)
		.select(CONTRIBUTION_COLUMNS)
		.where('c.id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Contribution introuvable.');
	const [item] = await toItems(db, [row], { showOriginal: can(actor, 'contributions.moderate') });
	const suggestions = can(actor, 'contributions.manage')
		? await suggestFiches(db, row.text, { exclude: item.links.map((l) => l.ficheId) })
		: [];
	return { item, suggestions };
}

/** Pilotes' view: the contributions linked to the fiches they own. */
export async function contributionsForPilote(db: Db, actor: Actor | null) {
	assertCan(actor, 'contributions.answer');
	const rows = await contributionsQuery(db)
		.select(CONTRIBUTION_COLUMNS)
		.where('c.merged_into_id', 'is', null)
		.where(contributionScope(actor, 'c.id'))
		.orderBy('c.created_at', 'desc')
		.limit(500)
		.execute();
	return toItems(db, rows, { showOriginal: can(actor, 'contributions.moderate') });
}

/** Other contributions saying much the same, to merge duplicates. */
export async function similarContributions(
	db: Db,
	actor: Actor | null,
	id: number,
	limit = 5
): Promise<{ id: number; text: string; createdAt: string }[]> {
	assertCan(actor, 'contributions.manage');
	const rows = await db
		.selectFrom('contribution')
		.select(['id', 'text', 'public_text', 'created_at'])
		.where('merged_into_id', 'is', null)
		.execute();
	const self = rows.find((r) => r.id === id);
	if (!self) throw new NotFoundError('Contribution introuvable.');
	const index = new TextIndex(
		rows.filter((r) => r.id !== id).map((r) => ({ key: r, text: r.text }))
	);
	return index.rank(self.text, limit).map(({ key }) => ({
		id: key.id,
		text: key.public_text ?? key.text,
		createdAt: key.created_at
	}));
}

export interface FicheLinkedContribution {
	contributionId: number;
	linkId: number;
	text: string;
	createdAt: string;
	origin: string | null;
	decision: Decision | null;
	explanation: string;
}

/** What was said about one fiche, for its officers and its pilote: decided or waiting. */
export async function contributionsOnFiche(
	db: Db,
	actor: Actor | null,
	ficheRef: string
): Promise<FicheLinkedContribution[]> {
	assertCan(actor, 'contributions.answer');
	const fiche = await db
		.selectFrom('fiche')
		.select('id')
		.where('ref', '=', ficheRef)
		.executeTakeFirst();
	if (!fiche) throw new NotFoundError('Cette fiche-action n’existe pas.');
	await authorize(db, actor, 'fiche.contributions', { ficheId: fiche.id });
	const rows = await db
		.selectFrom('contribution_link as l')
		.innerJoin('contribution as c', 'c.id', 'l.contribution_id')
		.leftJoin('consultation', 'consultation.id', 'c.consultation_id')
		.leftJoin('event', 'event.id', 'c.event_id')
		.select([
			'c.id as contribution_id',
			'l.id as link_id',
			'c.text',
			'c.public_text',
			'c.created_at',
			'consultation.title as consultation_title',
			'event.title as event_title',
			'l.decision',
			'l.explanation'
		])
		.where('l.fiche_id', '=', fiche.id)
		.where('c.merged_into_id', 'is', null)
		// Waiting decisions first, then the latest decided.
		.orderBy(sql`l.decision is null`, 'desc')
		.orderBy('l.decided_at', 'desc')
		.orderBy('c.created_at', 'desc')
		.limit(500)
		.execute();
	const showOriginal = can(actor, 'contributions.moderate');
	return rows.map((r) => ({
		contributionId: r.contribution_id,
		linkId: r.link_id,
		text: showOriginal ? r.text : (r.public_text ?? r.text),
		createdAt: r.created_at,
		origin: r.consultation_title ?? r.event_title,
		decision: r.decision,
		explanation: r.explanation
	}));
}
