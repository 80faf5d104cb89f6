// The yearly review (bilan) campaign: an officer opens year N, each pilote
// fills the review of their fiches, the officer validates each one (which
// records the status in the fiche's history) and publishes the year.
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { fromDbDate, nowForDb } from '../db/codecs';
import { assertCan, can, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { FICHE_STATUSES, isFicheStatus, type FicheStatus } from './status';
import { recordStatusChange } from './status-history';
import { authorize, ficheScope } from '../auth/policy';
import { listIndicators, type Indicator } from './indicators';
import type { CampaignStatus } from '$lib/fiche-status';

export type { CampaignStatus };

export interface Campaign {
	year: number;
	status: CampaignStatus;
	openedAt: Date;
	openedBy: string;
	publishedAt: Date | null;
}

export interface ReviewSummary {
	status: FicheStatus | null;
	text: string;
	submittedBy: string;
	submittedAt: Date;
	validatedBy: string | null;
	validatedAt: Date | null;
}

export const openCampaignSchema = z.object({
	year: z.coerce
		.number({ error: 'Indiquez une année.' })
		.int({ error: 'Indiquez une année, par exemple 2026.' })
		.min(2020, { error: 'Indiquez une année entre 2020 et 2100.' })
		.max(2100, { error: 'Indiquez une année entre 2020 et 2100.' })
});

export const reviewSchema = z.object({
	status: z.enum([...FICHE_STATUSES, 'non-renseigne'], {
		error: 'Choisissez un statut dans la liste.'
	}),
	text: z
		.string({ error: 'Écrivez le bilan de l’année.' })
		.trim()
		.min(10, { error: 'Écrivez le bilan de l’année en une ou deux phrases au moins.' })
		.max(10_000, { error: 'Le bilan ne doit pas dépasser 10 000 caractères.' }),
	values: z.record(z.string(), z.string().trim().max(30)).default({})
});
export type ReviewInput = z.infer<typeof reviewSchema>;

/** The review form: its status and text, and one « value-<indicator id> » field per indicator. */
export const reviewFormSchema = z
	.record(z.string(), z.string())
	.transform((fields): z.input<typeof reviewSchema> => ({
		// Checked by reviewSchema just after.
		status: (fields.status ?? '') as z.input<typeof reviewSchema>['status'],
		text: fields.text ?? '',
		values: Object.fromEntries(
			Object.entries(fields)
				.filter(([key]) => key.startsWith('value-'))
				.map(([key, value]) => [key.slice('value-'.length), value])
		)
	}))
	.pipe(reviewSchema);

function campaignFromRow(row: {
	year: number;
	status: string;
	opened_at: string;
	opened_by_label: string;
	published_at: string | null;
}): Campaign {
	return {
		year: row.year,
		status: row.status === 'publiee' ? 'publiee' : 'ouverte',
		openedAt: fromDbDate(row.opened_at),
		openedBy: row.opened_by_label,
		publishedAt: fromDbDate(row.published_at)
	};
}

export async function findCampaign(db: Executor, year: number): Promise<Campaign | null> {
	const row = await db
		.selectFrom('review_campaign')
		.selectAll()
		.where('year', '=', year)
		.executeTakeFirst();
	return row ? campaignFromRow(row) : null;
}

export async function listCampaigns(db: Db, actor: Actor | null): Promise<Campaign[]> {
	assertCan(actor, 'backoffice.access');
	const rows = await db.selectFrom('review_campaign').selectAll().orderBy('year', 'desc').execute();
	return rows.map(campaignFromRow);
}

export async function listPublishedYears(db: Db): Promise<number[]> {
	const rows = await db
		.selectFrom('review_campaign')
		.select('year')
		.where('status', '=', 'publiee')
		.orderBy('year', 'desc')
		.execute();
	return rows.map((r) => r.year);
}

/** Records that a review was published outside Concerto (imported data). */
export async function ensurePublishedCampaign(
	db: Executor,
	year: number,
	label: string
): Promise<void> {
	const now = nowForDb();
	await db
		.insertInto('review_campaign')
		.values({
			year,
			status: 'publiee',
			opened_at: now,
			opened_by_label: label,
			published_at: now
		})
		.onConflict((oc) => oc.column('year').doNothing())
		.execute();
}

export async function openCampaign(db: Db, actor: Actor | null, year: number): Promise<void> {
	assertCan(actor, 'reviews.manage');
	if (await findCampaign(db, year))
		throw new ConflictError(`Le bilan ${year} existe déjà.`, 'year');
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('review_campaign')
			.values({
				year,
				status: 'ouverte',
				opened_at: nowForDb(),
				opened_by_label: actor.displayName,
				published_at: null
			})
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'review.campaign_opened',
			entityType: 'review',
			entityId: year
		});
	});
}

export interface CampaignRow {
	ref: string;
	title: string;
	ownerName: string | null;
	currentStatus: FicheStatus | null;
	review: ReviewSummary | null;
}

function reviewFromRow(row: {
	status: string | null;
	text: string;
	submitted_by_label: string;
	submitted_at: string;
	validated_by_label: string | null;
	validated_at: string | null;
}): ReviewSummary {
	return {
		status: isFicheStatus(row.status) ? row.status : null,
		text: row.text,
		submittedBy: row.submitted_by_label,
		submittedAt: fromDbDate(row.submitted_at),
		validatedBy: row.validated_by_label,
		validatedAt: fromDbDate(row.validated_at)
	};
}

/** The campaign's progress: every fiche for officers, their own for a pilote. */
export async function getCampaign(
	db: Db,
	actor: Actor | null,
	year: number
): Promise<{ campaign: Campaign; rows: CampaignRow[]; canManage: boolean }> {
	assertCan(actor, 'backoffice.access');
	const campaign = await findCampaign(db, year);
	if (!campaign) throw new NotFoundError(`Il n’y a pas de bilan ${year}.`);
	const rows = await db
		.selectFrom('fiche')
		.leftJoin('user', 'user.id', 'fiche.owner_user_id')
		.leftJoin('fiche_review', (join) =>
			join.onRef('fiche_review.fiche_id', '=', 'fiche.id').on('fiche_review.year', '=', year)
		)
		.select([
			'fiche.ref',
			'fiche.title',
			'fiche.status as current_status',
			'user.display_name as owner_name',
			'fiche_review.id as review_id',
			'fiche_review.status',
			'fiche_review.text',
			'fiche_review.submitted_by_label',
			'fiche_review.submitted_at',
			'fiche_review.validated_by_label',
			'fiche_review.validated_at'
		])
		.where(ficheScope(actor, 'review.fill'))
		.orderBy('fiche.ref')
		.execute();
	const canManage = can(actor, 'reviews.manage');
	return {
		campaign,
		canManage,
		rows: rows.map((row) => ({
			ref: row.ref,
			title: row.title,
			ownerName: row.owner_name,
			currentStatus: isFicheStatus(row.current_status) ? row.current_status : null,
			review:
				row.review_id !== null
					? reviewFromRow({
							status: row.status,
							text: row.text ?? '',
							submitted_by_label: row.submitted_by_label ?? '',
							submitted_at: row.submitted_at ?? nowForDb(),
							validated_by_label: row.validated_by_label,
							validated_at: row.validated_at
						})
					: null
		}))
	};
}

async function reviewContext(db: Executor, actor: Actor | null, year: number, ref: string) {
	const campaign = await findCampaign(db, year);
	if (!campaign) throw new NotFoundError(`Il n’y a pas de bilan ${year}.`);
	const fiche = await db.selectFrom('fiche').selectAll().where('ref', '=', ref).executeTakeFirst();
	if (!fiche) throw new NotFoundError('Cette fiche-action n’existe pas.');
	await authorize(db, actor, 'review.fill', { ficheId: fiche.id });
	return { campaign, fiche };
}

export async function getReviewForm(
	db: Db,
	actor: Actor | null,
	year: number,
	ref: string
): Promise<{
	campaign: Campaign;
	fiche: { ref: string; title: string; status: FicheStatus | null };
	review: ReviewSummary | null;
	indicators: Indicator[];
	form: ReviewInput;
}> {
	const { campaign, fiche } = await reviewContext(db, actor, year, ref);
	const [row, indicators] = await Promise.all([
		db
			.selectFrom('fiche_review')
			.selectAll()
			.where('fiche_id', '=', fiche.id)
			.where('year', '=', year)
			.executeTakeFirst(),
		listIndicators(db, fiche.id)
	]);
	const review = row ? reviewFromRow(row) : null;
	const status = review ? review.status : isFicheStatus(fiche.status) ? fiche.status : null;
	return {
		campaign,
		fiche: {
			ref: fiche.ref,
			title: fiche.title,
			status: isFicheStatus(fiche.status) ? fiche.status : null
		},
		review,
		indicators,
		form: {
			status: status ?? 'non-renseigne',
			text: review?.text ?? '',
			values: Object.fromEntries(
				indicators.map((i) => [
					String(i.id),
					i.values[year] === undefined ? '' : String(i.values[year])
				])
			)
		}
	};
}

function parseNumber(raw: string): number | null {
	const normalised = raw.replace(/\s/g, '').replace(',', '.');
	if (normalised === '') return null;
	const value = Number(normalised);
	return Number.isFinite(value) ? value : Number.NaN;
}

/** Saves a pilote's review; changing a validated review sends it back for validation. */
export async function submitReview(
	db: Db,
	actor: Actor | null,
	year: number,
	ref: string,
	input: ReviewInput
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const { campaign, fiche } = await reviewContext(tx, actor, year, ref);
		if (campaign.status === 'publiee') {
			throw new InvalidInputError(`Le bilan ${year} est publié : il ne peut plus être modifié.`);
		}
		const indicators = await listIndicators(tx, fiche.id);
		for (const indicator of indicators) {
			const value = parseNumber(input.values[String(indicator.id)] ?? '');
			if (Number.isNaN(value)) {
				throw new InvalidInputError(
					`« ${indicator.label} » : indiquez un nombre, par exemple 120 ou 4,5.`,
					'values'
				);
			}
			if (value === null) {
				await tx
					.deleteFrom('indicator_value')
					.where('indicator_id', '=', indicator.id)
					.where('year', '=', year)
					.execute();
			} else {
				await tx
					.insertInto('indicator_value')
					.values({ indicator_id: indicator.id, year, value })
					.onConflict((oc) => oc.columns(['indicator_id', 'year']).doUpdateSet({ value }))
					.execute();
			}
		}
		const values = {
			status: input.status === 'non-renseigne' ? null : input.status,
			text: input.text,
			submitted_by_user_id: actor!.id,
			submitted_by_label: actor!.displayName,
			submitted_at: nowForDb(),
			validated_by_label: null,
			validated_at: null
		};
		await tx
			.insertInto('fiche_review')
			.values({ fiche_id: fiche.id, year, ...values })
			.onConflict((oc) => oc.columns(['fiche_id', 'year']).doUpdateSet(values))
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'review.submitted',
			entityType: 'fiche',
			entityId: ref,
			after: { year, status: values.status, text: values.text }
		});
	});
}

export async function validateReview(
	db: Db,
	actor: Actor | null,
	year: number,
	ref: string
): Promise<void> {
	assertCan(actor, 'reviews.manage');
	await db.transaction().execute(async (tx) => {
		const { campaign, fiche } = await reviewContext(tx, actor, year, ref);
		if (campaign.status === 'publiee')
			throw new InvalidInputError(`Le bilan ${year} est déjà publié.`);
		const review = await tx
			.selectFrom('fiche_review')
			.selectAll()
			.where('fiche_id', '=', fiche.id)
			.where('year', '=', year)
			.executeTakeFirst();
		if (!review) throw new InvalidInputError('Ce bilan n’a pas encore été rempli.');
		if (review.validated_at) return;
		await tx
			.updateTable('fiche_review')
			.set({ validated_by_label: actor.displayName, validated_at: nowForDb() })
			.where('id', '=', review.id)
			.execute();
		const status = isFicheStatus(review.status) ? review.status : null;
		if (status !== fiche.status) {
			await recordStatusChange(tx, fiche.id, {
				status,
				comment: review.text.length > 400 ? `${review.text.slice(0, 397)}…` : review.text,
				source: 'bilan',
				reviewYear: year,
				actor
			});
		}
		await recordAudit(tx, {
			actor,
			action: 'review.validated',
			entityType: 'fiche',
			entityId: ref,
			after: { year, status }
		});
	});
}

export async function publishCampaign(db: Db, actor: Actor | null, year: number): Promise<void> {
	assertCan(actor, 'reviews.manage');
	await db.transaction().execute(async (tx) => {
		const campaign = await findCampaign(tx, year);
		if (!campaign) throw new NotFoundError(`Il n’y a pas de bilan ${year}.`);
		if (campaign.status === 'publiee') return;
		await tx
			.updateTable('review_campaign')
			.set({ status: 'publiee', published_at: nowForDb() })
			.where('year', '=', year)
			.execute();
		await recordAudit(tx, {
			actor,
			action: 'review.campaign_published',
			entityType: 'review',
			entityId: year
		});
	});
}
