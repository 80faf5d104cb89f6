// Invitation campaigns: a number of letters drawn from the address base,
// shared between communes in proportion to population (over-sampled where
// fewer answer), reproducibly from a recorded seed. Each drawn address gets
// an invitation with a personal code; the campaign's rules, seed and the
// base's fingerprint are public. At its end, addresses and codes are erased.
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../db/database';
import { fromDbBool, fromDbDate, fromDbJson, nowForDb, toDbBool, toDbJson } from '../../db/codecs';
import { assertCan, type Actor } from '../../auth/permissions';
import { recordAudit } from '../../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { generateReadableCode } from '../../consultations/codes';
import { parisDay } from '$lib/paris-time';
import { addressBaseSummary, baseAddressesByCommune } from './bases';
import { allocateLetters, drawAddresses, type Allocation } from './stratify';
import type { BanAddress } from './address-base';
import { campaignRates } from './rates';

export interface CampaignInput {
	title: string;
	purpose: string;
	letters: number;
	seed: string;
	/** Factor per territory name, 1 to 3. */
	oversampling: Record<string, number>;
	falc: boolean;
	reminderDays: number;
	/** The last day answers are taken, `YYYY-MM-DD`. */
	closesOn: string;
}

export interface CommuneAllocation extends Allocation {
	name: string;
	territory: string;
	population: number;
}

export interface CampaignSummary {
	id: number;
	title: string;
	purpose: string;
	letters: number;
	seed: string;
	oversampling: Record<string, number>;
	baseSha256: string;
	baseAddressCount: number;
	falc: boolean;
	reminderDays: number;
	closesOn: string;
	createdAt: Date;
	lettersPrintedAt: Date | null;
	remindersPrintedAt: Date | null;
	closedAt: Date | null;
	addressesErasedAt: Date | null;
	answered: number;
	accepted: number;
}

const INSERT_BATCH = 500;

/** Over once closed by an officer, or once its last day is past. */
export function campaignIsOver(
	campaign: { closedAt: Date | null; closesOn: string },
	now = new Date()
): boolean {
	return campaign.closedAt !== null || campaign.closesOn < parisDay(now);
}

/** The day the reminders can be printed: the chosen delay after the letters. */
export function remindersDueOn(campaign: {
	lettersPrintedAt: Date | null;
	reminderDays: number;
}): Date | null {
	if (!campaign.lettersPrintedAt) return null;
	return new Date(campaign.lettersPrintedAt.getTime() + campaign.reminderDays * 86_400_000);
}

export function addressLine(a: Pick<BanAddress, 'number' | 'repetition' | 'street'>): string {
	return [a.number, a.repetition, a.street].filter(Boolean).join(' ');
}

async function communeStrata(db: Executor) {
	return db
		.selectFrom('commune')
		.leftJoin('territory', 'territory.id', 'commune.territory_id')
		.select([
			'commune.insee_code',
			'commune.name',
			'commune.population',
			'commune.territory_id',
			'territory.name as territory_name'
		])
		.orderBy('commune.insee_code')
		.execute();
}

function checkInput(input: CampaignInput, today: string) {
	if (!input.title.trim()) throw new InvalidInputError('Donnez un titre à la campagne.', 'title');
	if (input.title.length > 200) throw new InvalidInputError('200 caractères au plus.', 'title');
	if (input.purpose.length > 1000)
		throw new InvalidInputError('1 000 caractères au plus.', 'purpose');
	if (!input.seed.trim()) throw new InvalidInputError('Indiquez la graine du tirage.', 'seed');
	if (input.seed.length > 100) throw new InvalidInputError('100 caractères au plus.', 'seed');
	if (!Number.isInteger(input.letters) || input.letters < 1 || input.letters > 20_000)
		throw new InvalidInputError('Entre 1 et 20 000 lettres.', 'letters');
	if (input.closesOn <= today)
		throw new InvalidInputError('La date de fin doit venir après aujourd’hui.', 'closesOn');
}

/** Draws the addresses and records the campaign with one invitation per address. */
export async function createCampaign(
	db: Db,
	actor: Actor | null,
	input: CampaignInput
): Promise<number> {
	assertCan(actor, 'panel.manage');
	checkInput(input, parisDay(new Date()));
	const base = await addressBaseSummary(db);
	if (!base)
		throw new InvalidInputError(
			'Importez d’abord une base d’adresses (export de la Base Adresse Nationale).',
			'letters'
		);
	const [byCommune, communes] = await Promise.all([
		baseAddressesByCommune(db, base.id),
		communeStrata(db)
	]);
	const strata = communes.map((c) => ({
		key: c.insee_code,
		population: Number(c.population ?? 0),
		territory: c.territory_name ?? '',
		available: byCommune.get(c.insee_code)?.length ?? 0
	}));
	const seed = input.seed.trim();
	const allocation = allocateLetters(strata, input.letters, input.oversampling);
	const drawn = drawAddresses(byCommune, allocation, seed);
	const territoryOf = new Map(communes.map((c) => [c.insee_code, c.territory_id]));
	return db.transaction().execute(async (tx) => {
		const { id } = await tx
			.insertInto('invitation_campaign')
			.values({
				title: input.title.trim(),
				purpose: input.purpose.trim(),
				letters: drawn.length,
				seed,
				oversampling: toDbJson(input.oversampling),
				allocation: toDbJson(
					allocation
						.filter((a) => a.letters > 0 || a.target > 0)
						.map((a) => ({ key: a.key, target: a.target, letters: a.letters }))
				),
				base_sha256: base.sha256,
				base_address_count: base.addressCount,
				falc: toDbBool(input.falc),
				reminder_days: input.reminderDays,
				closes_on: input.closesOn,
				created_by: actor.id,
				created_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const codes = await freshCodes(tx, drawn.length);
		for (let i = 0; i < drawn.length; i += INSERT_BATCH)
			await tx
				.insertInto('invitation')
				.values(
					drawn.slice(i, i + INSERT_BATCH).map(({ address, commune }, j) => ({
						campaign_id: id,
						code: codes[i + j],
						commune_insee_code: commune,
						territory_id: territoryOf.get(commune) ?? null,
						ban_id: address.banId,
						address_line: addressLine(address),
						postal_code: address.postalCode
					}))
				)
				.execute();
		await recordAudit(tx, {
			actor,
			action: 'invitation_campaign.created',
			entityType: 'invitation_campaign',
			entityId: id,
			after: { title: input.title.trim(), letters: drawn.length, seed }
		});
		return id;
	});
}

/** Codes unused by any invitation: 40 bits each, a repeat is drawn again. */
async function freshCodes(tx: Tx, count: number): Promise<string[]> {
	const codes = new Set<string>();
	while (codes.size < count) {
		const batch = new Set<string>();
		while (batch.size < Math.min(INSERT_BATCH, count - codes.size)) {
			const code = generateReadableCode();
			if (!codes.has(code)) batch.add(code);
		}
		const taken = new Set(
			(
				await tx
					.selectFrom('invitation')
					.select('code')
					.where('code', 'in', [...batch])
					.execute()
			).map((r) => r.code)
		);
		for (const code of batch) if (!taken.has(code)) codes.add(code);
	}
	return [...codes];
}

const answeredCount = sql<number>`count(invitation.answered_at)`;
const acceptedCount = sql<number>`sum(case when invitation.answer = 'oui' then 1 else 0 end)`;

function campaignsQuery(db: Executor) {
	return db
		.selectFrom('invitation_campaign as c')
		.leftJoin('invitation', 'invitation.campaign_id', 'c.id')
		.selectAll('c')
		.select([answeredCount.as('answered'), acceptedCount.as('accepted')])
		.groupBy('c.id')
		.orderBy('c.created_at', 'desc')
		.orderBy('c.id', 'desc');
}

function toSummary(row: Awaited<ReturnType<ReturnType<typeof campaignsQuery>['execute']>>[number]) {
	return {
		id: row.id,
		title: row.title,
		purpose: row.purpose,
		letters: Number(row.letters),
		seed: row.seed,
		oversampling: fromDbJson<Record<string, number>>(row.oversampling, {}),
		baseSha256: row.base_sha256,
		baseAddressCount: Number(row.base_address_count),
		falc: fromDbBool(row.falc),
		reminderDays: Number(row.reminder_days),
		closesOn: String(row.closes_on),
		createdAt: fromDbDate(row.created_at),
		lettersPrintedAt: row.letters_printed_at ? fromDbDate(row.letters_printed_at) : null,
		remindersPrintedAt: row.reminders_printed_at ? fromDbDate(row.reminders_printed_at) : null,
		closedAt: row.closed_at ? fromDbDate(row.closed_at) : null,
		addressesErasedAt: row.addresses_erased_at ? fromDbDate(row.addresses_erased_at) : null,
		answered: Number(row.answered ?? 0),
		accepted: Number(row.accepted ?? 0)
	} satisfies CampaignSummary;
}

/** Every campaign, newest first; also read by the public page, which shows only the rules. */
export async function listCampaignSummaries(db: Executor): Promise<CampaignSummary[]> {
	return (await campaignsQuery(db).execute()).map(toSummary);
}

export async function listCampaigns(db: Db, actor: Actor | null): Promise<CampaignSummary[]> {
	assertCan(actor, 'panel.manage');
	return listCampaignSummaries(db);
}

export async function getCampaignSummary(
	db: Db,
	actor: Actor | null,
	id: number
): Promise<CampaignSummary> {
	assertCan(actor, 'panel.manage');
	return campaignSummary(db, id);
}

/** What the campaign's page shows officers: the campaign, its letters per commune, its rates. */
export async function getCampaign(db: Db, actor: Actor | null, id: number) {
	assertCan(actor, 'panel.manage');
	const campaign = await campaignSummary(db, id);
	const [allocation, rates] = await Promise.all([
		campaignAllocation(db, id),
		campaignRates(db, id)
	]);
	return { campaign, allocation, rates };
}

export async function campaignSummary(db: Executor, id: number): Promise<CampaignSummary> {
	const row = await campaignsQuery(db).where('c.id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError('Campagne introuvable.');
	return toSummary(row);
}

/** The campaign's share of letters per commune, with names and populations: its public rules. */
export async function campaignAllocation(
	db: Executor,
	campaignId: number
): Promise<CommuneAllocation[]> {
	const row = await db
		.selectFrom('invitation_campaign')
		.select('allocation')
		.where('id', '=', campaignId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Campagne introuvable.');
	const communes = new Map((await communeStrata(db)).map((c) => [c.insee_code, c]));
	return fromDbJson<Allocation[]>(row.allocation, []).map((a) => {
		const commune = communes.get(a.key);
		return {
			...a,
			name: commune?.name ?? a.key,
			territory: commune?.territory_name ?? '',
			population: Number(commune?.population ?? 0)
		};
	});
}

/**
 * Closes the campaign: answers are no longer taken, and every invitation's
 * address and code are erased now, keeping its commune and answer.
 */
export async function closeCampaign(db: Db, actor: Actor | null, id: number): Promise<void> {
	assertCan(actor, 'panel.manage');
	await db.transaction().execute(async (tx) => {
		const campaign = await campaignSummary(tx, id);
		if (campaign.closedAt) throw new ConflictError('Cette campagne est déjà close.');
		await tx
			.updateTable('invitation_campaign')
			.set({ closed_at: nowForDb() })
			.where('id', '=', id)
			.execute();
		const erased = await eraseCampaignAddresses(tx, [id]);
		await recordAudit(tx, {
			actor,
			action: 'invitation_campaign.closed',
			entityType: 'invitation_campaign',
			entityId: id,
			after: { erased_addresses: erased }
		});
	});
}

/** Erases the addresses and codes of the campaigns' invitations; returns how many. */
export async function eraseCampaignAddresses(tx: Executor, campaignIds: number[]): Promise<number> {
	if (!campaignIds.length) return 0;
	const result = await tx
		.updateTable('invitation')
		.set({ code: null, ban_id: null, address_line: null, postal_code: null })
		.where('campaign_id', 'in', campaignIds)
		.where((eb) => eb.or([eb('code', 'is not', null), eb('address_line', 'is not', null)]))
		.executeTakeFirst();
	await tx
		.updateTable('invitation_campaign')
		.set({ addresses_erased_at: nowForDb() })
		.where('id', 'in', campaignIds)
		.where('addresses_erased_at', 'is', null)
		.execute();
	return Number(result.numUpdatedRows ?? 0);
}
