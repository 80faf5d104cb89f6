// Fair draws from the panel: quotas proposed from targets, the lottery
// computed and published before the public draw, the chosen panel, answers,
// and replacements drawn again within the quotas. Every step is audited.
import type { Db, Executor } from '../db/database';
import type { Selectable } from 'kysely';
import type { DrawTable } from '../db/schema';
import { chooseAlternates, profileKey, replacementFor } from './selection/alternates';
import { lockRows } from '../db/concurrency';
import { fromDbBool, fromDbJson, nowForDb, toDbJson, toDbBool } from '../db/codecs';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { extremeChances, seatProblems } from './draw-checks';
import {
	compareObjectives,
	planLottery,
	panelForTicket,
	ticketFromSeed,
	type ObjectiveComparison
} from './selection/lottery-plan';
import { OBJECTIVE_LABELS, OBJECTIVES, type Objective } from './selection/objectives';
import { oneOf } from '$lib/codes';
import { SelectionError, type Category } from './selection/problem';
import { valueOf, valuesOf, criterionLabel } from './criteria';
import { poolPeople, targetShares, territoryPopulationShares } from './representation';
import type { RegistryFilters } from './registry';
import type { DrawAnswer } from '$lib/panel-vocabulary';

export class DrawError extends InvalidInputError {
	constructor(
		message: string,
		readonly conflicts: string[]
	) {
		super(message);
	}
}

/** A computed draw with volunteers at 0 % or 100 %: published only once the officer confirms. */
export class DrawConfirmationNeeded extends ConflictError {
	constructor(readonly warnings: string[]) {
		super(
			'Avec ces quotas, certaines personnes n’ont aucune chance ou sont sûres d’être tirées. Ajustez les quotas, ou confirmez pour publier ce tirage tel quel.'
		);
	}
}

export interface QuotaProposal {
	criterion: string;
	label: string;
	values: { value: string; pool: number; min: number; max: number; target: number | null }[];
}

/**
 * Quotas proportional to the targets (population for territories), rounded
 * down and up, never above what the pool holds; without a target the pool's
 * own composition is used.
 */
export async function proposeQuotas(
	db: Db,
	actor: Actor | null,
	filters: RegistryFilters,
	criteria: string[],
	size: number
): Promise<{ pool: number; quotas: QuotaProposal[] }> {
	assertCan(actor, 'panel.manage');
	const people = await poolPeople(db, filters);
	const target = await targetShares(db);
	const territories = [...(await territoryPopulationShares(db)).keys()];
	const quotas = criteria.map((criterion) => {
		const counts = new Map<string, number>();
		for (const person of people)
			counts.set(valueOf(person, criterion), (counts.get(valueOf(person, criterion)) ?? 0) + 1);
		const values = valuesOf(criterion, territories).filter(
			(value) => (counts.get(value) ?? 0) > 0 || target(criterion, value)
		);
		return {
			criterion,
			label: criterionLabel(criterion),
			values: values.map((value) => {
				const pool = counts.get(value) ?? 0;
				const share = target(criterion, value) ?? (people.length ? pool / people.length : 0);
				const exact = share * size;
				return {
					value,
					pool,
					target: target(criterion, value),
					min: Math.min(pool, Math.floor(exact)),
					max: Math.min(pool, Math.ceil(exact))
				};
			})
		};
	});
	return { pool: people.length, quotas };
}

export interface DrawInput {
	title: string;
	purpose: string;
	size: number;
	householdRule: boolean;
	filters: RegistryFilters;
	quotas: { criterion: string; value: string; min: number; max: number }[];
	seed: string;
	parentDrawId?: number;
	/** Replacements: only these people, and these seats already kept per quota. */
	onlyPersonIds?: number[];
	/** The officer has read the 0 % / 100 % warnings and publishes anyway. */
	confirmExtremes?: boolean;
	/** LEXIMIN unless the officer chose another. */
	objective?: Objective;
	/** Alternates to rank once the panel is drawn. */
	alternates?: number;
}

function toCategories(quotas: DrawInput['quotas']): Category[] {
	const byCriterion = new Map<string, Category>();
	for (const quota of quotas) {
		// Named by their label, so that quota conflicts read in the officer's words.
		const category = byCriterion.get(quota.criterion) ?? {
			name: criterionLabel(quota.criterion),
			values: []
		};
		byCriterion.set(quota.criterion, category);
		category.values.push({ value: quota.value, min: quota.min, max: quota.max });
	}
	return [...byCriterion.values()];
}

/** The pool, its criteria and the selection problem of a draw's form. */
async function drawSelection(db: Db, input: DrawInput) {
	let people = await poolPeople(db, input.filters);
	if (input.onlyPersonIds) people = people.filter((p) => input.onlyPersonIds!.includes(p.id));
	const problems = seatProblems(input.size, people.length);
	if (problems.length)
		throw new DrawError('Ce tirage ne peut pas se faire avec ce vivier.', problems);
	const categories = toCategories(input.quotas);
	const criteria = [...new Set(input.quotas.map((q) => q.criterion))];
	const selection = {
		size: input.size,
		householdRule: input.householdRule,
		categories,
		volunteers: people.map((person) => ({
			id: person.pseudonym,
			features: Object.fromEntries(
				criteria.map((code, i) => [categories[i].name, valueOf(person, code)])
			),
			household: person.householdKey
		}))
	};
	return { people, criteria, categories, selection };
}

/**
 * The three objectives on the pool and quotas of a draw being prepared, side
 * by side, before anything is recorded.
 */
export async function compareDrawObjectives(
	db: Db,
	actor: Actor | null,
	input: DrawInput
): Promise<ObjectiveComparison[]> {
	assertCan(actor, 'panel.manage');
	const { selection } = await drawSelection(db, input);
	try {
		return (await compareObjectives(selection)).comparison;
	} catch (caught) {
		if (caught instanceof SelectionError) throw new DrawError(caught.message, caught.conflicts);
		throw caught;
	}
}

/** Computes the lottery and records the draw, ready to be published before the public draw. */
export async function createDraw(db: Db, actor: Actor | null, input: DrawInput): Promise<number> {
	assertCan(actor, 'panel.manage');
	if (!input.title.trim()) throw new InvalidInputError('Donnez un titre au tirage.', 'title');
	if (input.title.length > 200 || input.purpose.length > 1000 || input.seed.length > 100)
		throw new InvalidInputError(
			'Titre (200 caractères), objet (1 000) ou graine (100) trop long.',
			'title'
		);
	const { people, criteria, selection } = await drawSelection(db, input);
	const objective = input.objective ?? 'leximin';
	let plan;
	let comparison;
	try {
		plan = await planLottery(selection, { seed: input.seed, objective });
		// Replacements keep their parent's objective; a first draw publishes the three side by side.
		comparison = input.parentDrawId ? null : (await compareObjectives(selection)).comparison;
	} catch (caught) {
		if (caught instanceof SelectionError) throw new DrawError(caught.message, caught.conflicts);
		throw caught;
	}
	const probabilityOf = new Map(plan.probabilities.map((p) => [p.id, p]));
	const extremes = extremeChances(
		input.quotas,
		people.map((person) => ({
			profile: Object.fromEntries(criteria.map((code) => [code, valueOf(person, code)])),
			probability: probabilityOf.get(person.pseudonym)!.probability
		}))
	);
	if (extremes.warnings.length && !input.confirmExtremes)
		throw new DrawConfirmationNeeded(extremes.warnings);
	return db.transaction().execute(async (tx) => {
		if (input.parentDrawId) {
			// The parent draw locked: two officers asking for the same replacements at once get one draw.
			await lockRows(tx, 'draw', [input.parentDrawId]);
			const same = await tx
				.selectFrom('draw')
				.select('id')
				.where('parent_draw_id', '=', input.parentDrawId)
				.where('seed', '=', plan.seed)
				.executeTakeFirst();
			if (same) throw new ConflictError('Ces remplacements ont déjà été tirés.');
		}
		const { id } = await tx
			.insertInto('draw')
			.values({
				title: input.title.trim(),
				purpose: input.purpose.trim(),
				parent_draw_id: input.parentDrawId ?? null,
				size: input.size,
				household_rule: toDbBool(input.householdRule),
				pool_filters: toDbJson(input.filters),
				quotas: toDbJson(input.quotas),
				algorithm: plan.algorithm,
				objective,
				objective_comparison: comparison ? toDbJson(comparison) : null,
				alternates_requested: Math.max(
					0,
					Math.min(input.alternates ?? 0, people.length - input.size)
				),
				seed: plan.seed,
				inputs_hash: plan.inputsHash,
				lottery_size: plan.panels.length,
				panels: toDbJson(plan.panels),
				min_probability: plan.optimalMinProbability,
				lottery_min_probability: plan.minProbability,
				seconds: plan.seconds,
				created_by: actor.id,
				created_at: nowForDb()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (let i = 0; i < people.length; i += 200) {
			await tx
				.insertInto('draw_candidate')
				.values(
					people.slice(i, i + 200).map((person) => ({
						draw_id: id,
						person_id: person.id,
						pseudonym: person.pseudonym,
						profile: toDbJson(
							Object.fromEntries(criteria.map((code) => [code, valueOf(person, code)]))
						),
						probability: probabilityOf.get(person.pseudonym)!.optimal,
						lottery_probability: probabilityOf.get(person.pseudonym)!.probability
					}))
				)
				.execute();
		}
		await recordAudit(tx, {
			actor,
			action: 'panel.draw.prepare',
			entityType: 'draw',
			entityId: id,
			after: {
				seed: plan.seed,
				objective: OBJECTIVE_LABELS[objective],
				inputsHash: plan.inputsHash,
				size: input.size,
				quotas: input.quotas,
				pool: people.length,
				...(extremes.warnings.length ? { confirmedWarnings: extremes.warnings } : {})
			}
		});
		return id;
	});
}

/** A recorded draw's volunteers as the selection sees them: profiles and households. */
async function drawVolunteers(tx: Executor, draw: { id: number; quotas: string }) {
	const categories = toCategories(fromDbJson<DrawInput['quotas']>(draw.quotas, []));
	const rows = await tx
		.selectFrom('draw_candidate')
		.leftJoin('person', 'person.id', 'draw_candidate.person_id')
		.select([
			'draw_candidate.pseudonym',
			'draw_candidate.profile',
			'draw_candidate.selected',
			'draw_candidate.answer',
			'draw_candidate.alternate_rank',
			'draw_candidate.alternate_same_profile',
			'person.household_key'
		])
		.where('draw_candidate.draw_id', '=', draw.id)
		.orderBy('draw_candidate.pseudonym')
		.execute();
	const volunteers = rows.map((r) => {
		const profile = fromDbJson<Record<string, string>>(r.profile, {});
		return {
			id: r.pseudonym,
			features: Object.fromEntries(
				Object.entries(profile).map(([code, value]) => [criterionLabel(code), value])
			),
			household: r.household_key
		};
	});
	return { categories, volunteers, rows };
}

/** Ranks the alternates of a drawn panel from the draw's seed; returns their pseudonyms. */
async function rankAlternates(
	tx: Executor,
	draw: Selectable<DrawTable>,
	panel: string[]
): Promise<string[]> {
	const { categories, volunteers } = await drawVolunteers(tx, draw);
	const list = chooseAlternates({
		categories,
		volunteers,
		panel,
		count: draw.alternates_requested,
		seed: draw.seed,
		householdRule: fromDbBool(draw.household_rule)
	});
	for (const a of list.alternates)
		await tx
			.updateTable('draw_candidate')
			.set({ alternate_rank: a.rank, alternate_same_profile: toDbBool(a.sameProfile) })
			.where('draw_id', '=', draw.id)
			.where('pseudonym', '=', a.id)
			.execute();
	await tx
		.updateTable('draw')
		.set({ guaranteed_declines: list.guaranteedDeclines })
		.where('id', '=', draw.id)
		.execute();
	return list.alternates.map((a) => a.id);
}

/**
 * Replaces each person who declined by the first alternate who keeps every
 * quota (her own profile first); returns the declines left without one.
 */
async function replaceByAlternates(db: Db, actor: Actor, drawId: number): Promise<number> {
	return db.transaction().execute(async (tx) => {
		await lockRows(tx, 'draw', [drawId]);
		const draw = await tx
			.selectFrom('draw')
			.selectAll()
			.where('id', '=', drawId)
			.executeTakeFirstOrThrow();
		const { categories, volunteers, rows } = await drawVolunteers(tx, draw);
		const replaced = new Set(
			(
				await tx
					.selectFrom('draw_candidate')
					.select('replaces')
					.where('draw_id', '=', drawId)
					.where('replaces', 'is not', null)
					.execute()
			).map((r) => r.replaces!)
		);
		const list = rows
			.filter((r) => r.alternate_rank !== null)
			.sort((a, b) => a.alternate_rank! - b.alternate_rank!)
			.map((r) => ({
				id: r.pseudonym,
				rank: r.alternate_rank!,
				profile: profileKey(
					categories,
					volunteers.find((v) => v.id === r.pseudonym)!
				),
				sameProfile: fromDbBool(r.alternate_same_profile)
			}));
		const used = new Set(rows.filter((r) => r.selected || r.answer).map((r) => r.pseudonym));
		// The seats as they stand: a decline still holds hers until someone takes it.
		let current = rows
			.filter((r) => r.selected && !replaced.has(r.pseudonym))
			.map((r) => r.pseudonym);
		const waiting = rows.filter(
			(r) => r.selected && r.answer === 'decline' && !replaced.has(r.pseudonym)
		);
		let left = 0;
		for (const declined of waiting) {
			const substitute = replacementFor(declined.pseudonym, current, list, used, {
				categories,
				volunteers,
				householdRule: fromDbBool(draw.household_rule)
			});
			if (!substitute) {
				left++;
				continue;
			}
			used.add(substitute.id);
			current = current.map((id) => (id === declined.pseudonym ? substitute.id : id));
			await tx
				.updateTable('draw_candidate')
				.set({ selected: 1, replaces: declined.pseudonym })
				.where('draw_id', '=', drawId)
				.where('pseudonym', '=', substitute.id)
				.execute();
			await recordAudit(tx, {
				actor,
				action: 'panel.draw.alternate',
				entityType: 'draw',
				entityId: drawId,
				after: { declined: declined.pseudonym, alternate: substitute.id, rank: substitute.rank }
			});
		}
		return left;
	});
}

/** Picks the panel: the number drawn in public, or else the one the seed gives. */
export async function drawPanel(
	db: Db,
	actor: Actor | null,
	drawId: number,
	publicTicket: number | null
): Promise<number> {
	assertCan(actor, 'panel.manage');
	return db.transaction().execute(async (tx) => {
		const draw = await tx
			.selectFrom('draw')
			.selectAll()
			.where('id', '=', drawId)
			.executeTakeFirst();
		if (!draw) throw new NotFoundError('Tirage introuvable.');
		if (draw.ticket !== null) throw new InvalidInputError('Ce tirage a déjà eu lieu.');
		const panels = fromDbJson<string[][]>(draw.panels, []);
		const ticket = publicTicket ?? ticketFromSeed(draw.seed, panels.length);
		let chosen: string[];
		try {
			chosen = panelForTicket({ panels } as Parameters<typeof panelForTicket>[0], ticket);
		} catch (caught) {
			throw new InvalidInputError((caught as Error).message, 'ticket');
		}
		// Conditional: of two officers drawing at once, the second waits for the
		// first's row lock, then finds the ticket set and changes nothing.
		const drawn = await tx
			.updateTable('draw')
			.set({
				ticket,
				ticket_source: publicTicket === null ? 'graine' : 'public',
				drawn_by: actor.id,
				drawn_at: nowForDb()
			})
			.where('id', '=', drawId)
			.where('ticket', 'is', null)
			.executeTakeFirst();
		if (Number(drawn.numUpdatedRows) === 0)
			throw new InvalidInputError('Ce tirage a déjà eu lieu.');
		await tx
			.updateTable('draw_candidate')
			.set({ selected: 1 })
			.where('draw_id', '=', drawId)
			.where('pseudonym', 'in', chosen)
			.execute();
		const alternates = draw.alternates_requested ? await rankAlternates(tx, draw, chosen) : [];
		await recordAudit(tx, {
			actor,
			action: 'panel.draw.draw',
			entityType: 'draw',
			entityId: drawId,
			after: {
				ticket,
				source: publicTicket === null ? 'graine' : 'public',
				panel: chosen,
				...(alternates.length ? { alternates } : {})
			}
		});
		return ticket;
	});
}

export async function recordDrawAnswer(
	db: Db,
	actor: Actor | null,
	drawId: number,
	pseudonym: string,
	answer: DrawAnswer
): Promise<void> {
	assertCan(actor, 'panel.manage');
	const result = await db
		.updateTable('draw_candidate')
		.set({ answer })
		.where('draw_id', '=', drawId)
		.where('pseudonym', '=', pseudonym)
		.where('selected', '=', 1)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('Personne tirée introuvable.');
	await recordAudit(db, {
		actor,
		action: 'panel.draw.answer',
		entityType: 'draw',
		entityId: drawId,
		after: { pseudonym, answer }
	});
}

/**
 * Draws replacements for those who declined: same pool less everyone already
 * drawn, as many seats as declines, quotas reduced by the seats kept.
 */
export async function drawReplacements(
	db: Db,
	actor: Actor | null,
	drawId: number
): Promise<number> {
	assertCan(actor, 'panel.manage');
	const draw = await db.selectFrom('draw').selectAll().where('id', '=', drawId).executeTakeFirst();
	if (!draw) throw new NotFoundError('Tirage introuvable.');
	let candidates = await db
		.selectFrom('draw_candidate')
		.selectAll()
		.where('draw_id', '=', drawId)
		.execute();
	const alreadyReplaced = new Set(candidates.map((c) => c.replaces).filter(Boolean));
	let declined = candidates.filter(
		(c) => c.selected && c.answer === 'decline' && !alreadyReplaced.has(c.pseudonym)
	);
	if (declined.length === 0)
		throw new InvalidInputError('Personne n’a décliné : il n’y a rien à remplacer.');
	if (candidates.some((c) => c.alternate_rank !== null)) {
		const left = await replaceByAlternates(db, actor, drawId);
		if (left === 0) return drawId;
		// Those the alternates could not replace go to a new draw, as without alternates.
		candidates = await db
			.selectFrom('draw_candidate')
			.selectAll()
			.where('draw_id', '=', drawId)
			.execute();
		const replacedNow = new Set(candidates.map((c) => c.replaces).filter(Boolean));
		declined = candidates.filter(
			(c) => c.selected && c.answer === 'decline' && !replacedNow.has(c.pseudonym)
		);
	}
	const kept = candidates.filter((c) => c.selected && c.answer !== 'decline');
	const quotas = fromDbJson<DrawInput['quotas']>(draw.quotas, []).map((quota) => {
		const taken = kept.filter(
			(c) => fromDbJson<Record<string, string>>(c.profile, {})[quota.criterion] === quota.value
		).length;
		return { ...quota, min: Math.max(0, quota.min - taken), max: Math.max(0, quota.max - taken) };
	});
	const keptHouseholds = draw.household_rule
		? new Set(
				(
					await db
						.selectFrom('person')
						.select('household_key')
						.where('id', 'in', kept.map((c) => c.person_id ?? 0).concat(0))
						.execute()
				).map((p) => p.household_key)
			)
		: new Set<string | null>();
	const others = await db
		.selectFrom('person')
		.select(['id', 'household_key'])
		.where(
			'id',
			'in',
			candidates
				.filter((c) => !c.selected && c.person_id)
				.map((c) => c.person_id!)
				.concat(0)
		)
		.execute();
	return createDraw(db, actor, {
		title: `${draw.title} — remplacements`,
		purpose: draw.purpose,
		size: declined.length,
		householdRule: Boolean(draw.household_rule),
		filters: fromDbJson<RegistryFilters>(draw.pool_filters, {}),
		quotas,
		seed: `${draw.seed}-r${declined.length}`,
		parentDrawId: drawId,
		objective: oneOf(OBJECTIVES, draw.objective, 'leximin'),
		// Few seats among the volunteers left: certainty is expected, the quotas were confirmed before.
		confirmExtremes: true,
		onlyPersonIds: others
			.filter((p) => !p.household_key || !keptHouseholds.has(p.household_key))
			.map((p) => p.id)
	});
}

export interface DrawSummary {
	id: number;
	title: string;
	size: number;
	pool: number;
	createdAt: string;
	drawnAt: string | null;
	parentDrawId: number | null;
}

export async function listDraws(db: Db, actor: Actor | null): Promise<DrawSummary[]> {
	assertCan(actor, 'panel.manage');
	const rows = await db
		.selectFrom('draw')
		.select((eb) => [
			'draw.id',
			'draw.title',
			'draw.size',
			'draw.created_at',
			'draw.drawn_at',
			'draw.parent_draw_id',
			eb
				.selectFrom('draw_candidate')
				.whereRef('draw_candidate.draw_id', '=', 'draw.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('pool')
		])
		.orderBy('draw.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		size: r.size,
		pool: Number(r.pool),
		createdAt: r.created_at,
		drawnAt: r.drawn_at,
		parentDrawId: r.parent_draw_id
	}));
}

export interface DrawDetail {
	id: number;
	title: string;
	purpose: string;
	size: number;
	householdRule: boolean;
	quotas: {
		criterion: string;
		label: string;
		value: string;
		min: number;
		max: number;
		selected: number;
		pool: number;
	}[];
	algorithm: string;
	objective: Objective;
	/** The three objectives on this pool, as computed with the draw; null for replacements. */
	comparison: ObjectiveComparison[] | null;
	seed: string;
	inputsHash: string;
	lotterySize: number;
	panels: string[][];
	minProbability: number;
	lotteryMinProbability: number;
	seconds: number;
	ticket: number | null;
	ticketSource: string | null;
	createdAt: string;
	drawnAt: string | null;
	parentDrawId: number | null;
	replacementDrawIds: number[];
	/** Volunteers at 0 % or 100 % of the published lottery, and why. */
	chances: { warnings: string[]; publicReasons: string[] };
	candidates: {
		personId: number | null;
		pseudonym: string;
		name: string | null;
		profile: Record<string, string>;
		probability: number;
		lotteryProbability: number;
		selected: boolean;
		answer: DrawAnswer | null;
		/** Rank on the list of alternates, once the panel is drawn. */
		alternateRank: number | null;
		alternateSameProfile: boolean;
		/** The pseudonym whose seat this alternate took. */
		replaces: string | null;
	}[];
	alternatesRequested: number;
	guaranteedDeclines: number | null;
}

export async function getDraw(db: Db, actor: Actor | null, id: number): Promise<DrawDetail> {
	assertCan(actor, 'panel.manage');
	return readDraw(db, id);
}

/** A draw with its candidates' names: callers decide what may be shown. */
export async function readDraw(db: Db, id: number): Promise<DrawDetail> {
	const draw = await db.selectFrom('draw').selectAll().where('id', '=', id).executeTakeFirst();
	if (!draw) throw new NotFoundError('Tirage introuvable.');
	const candidates = await db
		.selectFrom('draw_candidate')
		.leftJoin('person', 'person.id', 'draw_candidate.person_id')
		.select([
			'draw_candidate.person_id',
			'draw_candidate.pseudonym',
			'draw_candidate.profile',
			'draw_candidate.probability',
			'draw_candidate.lottery_probability',
			'draw_candidate.selected',
			'draw_candidate.answer',
			'draw_candidate.alternate_rank',
			'draw_candidate.alternate_same_profile',
			'draw_candidate.replaces',
			'person.first_name',
			'person.last_name'
		])
		.where('draw_candidate.draw_id', '=', id)
		.orderBy('draw_candidate.probability')
		.orderBy('draw_candidate.pseudonym')
		.execute();
	const children = await db
		.selectFrom('draw')
		.select('id')
		.where('parent_draw_id', '=', id)
		.execute();
	const list = candidates.map((c) => ({
		personId: c.person_id,
		pseudonym: c.pseudonym,
		name: c.first_name ? `${c.first_name} ${c.last_name}` : null,
		profile: fromDbJson<Record<string, string>>(c.profile, {}),
		probability: c.probability,
		lotteryProbability: c.lottery_probability,
		selected: Boolean(c.selected),
		answer: c.answer,
		alternateRank: c.alternate_rank === null ? null : Number(c.alternate_rank),
		alternateSameProfile: fromDbBool(c.alternate_same_profile),
		replaces: c.replaces
	}));
	const replacedBy = new Set(list.map((c) => c.replaces).filter(Boolean));
	return {
		id: draw.id,
		title: draw.title,
		purpose: draw.purpose,
		size: draw.size,
		householdRule: Boolean(draw.household_rule),
		quotas: fromDbJson<DrawInput['quotas']>(draw.quotas, []).map((q) => ({
			...q,
			label: criterionLabel(q.criterion),
			// Seats held: a decline whose seat an alternate took no longer counts.
			selected: list.filter(
				(c) => c.selected && !replacedBy.has(c.pseudonym) && c.profile[q.criterion] === q.value
			).length,
			pool: list.filter((c) => c.profile[q.criterion] === q.value).length
		})),
		algorithm: draw.algorithm,
		objective: oneOf(OBJECTIVES, draw.objective, 'leximin'),
		comparison: fromDbJson<ObjectiveComparison[] | null>(draw.objective_comparison, null),
		seed: draw.seed,
		inputsHash: draw.inputs_hash,
		lotterySize: draw.lottery_size,
		panels: fromDbJson<string[][]>(draw.panels, []),
		minProbability: draw.min_probability,
		lotteryMinProbability: draw.lottery_min_probability,
		seconds: draw.seconds,
		ticket: draw.ticket,
		ticketSource: draw.ticket_source,
		createdAt: draw.created_at,
		drawnAt: draw.drawn_at,
		parentDrawId: draw.parent_draw_id,
		replacementDrawIds: children.map((c) => c.id),
		chances: extremeChances(
			fromDbJson<DrawInput['quotas']>(draw.quotas, []),
			list.map((c) => ({ profile: c.profile, probability: c.lotteryProbability }))
		),
		candidates: list,
		alternatesRequested: Number(draw.alternates_requested ?? 0),
		guaranteedDeclines: draw.guaranteed_declines === null ? null : Number(draw.guaranteed_declines)
	};
}
