// How far the panel is from the population: territories from the communes'
// populations, the other criteria from targets the officer enters.
import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError } from '../errors';
import { criterionLabel, valueOf, valuesOf, type PoolPerson } from './criteria';
import { UNSPECIFIED } from '$lib/panel-vocabulary';
import { panelQuery, type RegistryFilters } from './registry';
import { fromDbJson } from '../db/codecs';
import { byFrench } from '../db/database';

export interface RepresentationRow {
	value: string;
	count: number;
	/** Share of the panel, 0–1. */
	share: number;
	/** Share in the population (territories) or the officer's target, 0–1; null when unknown. */
	target: number | null;
}

export interface RepresentationTable {
	criterion: string;
	label: string;
	targetSource: 'population' | 'objectif';
	rows: RepresentationRow[];
}

export async function poolPeople(db: Executor, filters: RegistryFilters): Promise<PoolPerson[]> {
	const rows = await panelQuery(db, filters)
		.select([
			'person.id',
			'person.pseudonym',
			'territory.name as territory_name',
			'person.age_band',
			'person.gender',
			'person.situations',
			'person.household_key'
		])
		.orderBy('person.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		pseudonym: r.pseudonym,
		territoryName: r.territory_name,
		ageBand: r.age_band,
		gender: r.gender,
		situations: fromDbJson<string[]>(r.situations, []),
		householdKey: r.household_key
	}));
}

export async function territoryPopulationShares(db: Executor): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('commune')
		.innerJoin('territory', 'territory.id', 'commune.territory_id')
		.select(['territory.name', (eb) => eb.fn.sum<number>('commune.population').as('population')])
		.groupBy('territory.name')
		.orderBy(byFrench('territory.name'))
		.execute();
	const total = rows.reduce((sum, r) => sum + Number(r.population), 0);
	return new Map(rows.map((r) => [r.name, total ? Number(r.population) / total : 0]));
}

export async function listTargets(db: Executor): Promise<Map<string, number>> {
	const rows = await db.selectFrom('panel_target').selectAll().execute();
	return new Map(rows.map((r) => [`${r.criterion}\u0000${r.value}`, r.share]));
}

/** The share each criterion value should have: population for territories, targets otherwise. */
export async function targetShares(
	db: Executor
): Promise<(criterion: string, value: string) => number | null> {
	const [population, targets] = await Promise.all([territoryPopulationShares(db), listTargets(db)]);
	return (criterion, value) => {
		if (criterion === 'territoire')
			return value === UNSPECIFIED ? 0 : (population.get(value) ?? null);
		const share = targets.get(`${criterion}\u0000${value}`);
		return share === undefined ? null : share / 100;
	};
}

export async function representation(
	db: Db,
	actor: Actor | null,
	criteria: string[],
	filters: RegistryFilters = { status: 'actif' }
): Promise<{ total: number; tables: RepresentationTable[] }> {
	assertCan(actor, 'panel.manage');
	const people = await poolPeople(db, filters);
	const territories = [...(await territoryPopulationShares(db)).keys()];
	const target = await targetShares(db);
	const tables = criteria.map((criterion) => {
		const counts = new Map<string, number>();
		for (const person of people) {
			const value = valueOf(person, criterion);
			counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		const rows = valuesOf(criterion, territories)
			.filter((value) => value !== UNSPECIFIED || counts.has(value))
			.map((value) => ({
				value,
				count: counts.get(value) ?? 0,
				share: people.length ? (counts.get(value) ?? 0) / people.length : 0,
				target: target(criterion, value)
			}));
		return {
			criterion,
			label: criterionLabel(criterion),
			targetSource: criterion === 'territoire' ? ('population' as const) : ('objectif' as const),
			rows
		};
	});
	return { total: people.length, tables };
}

/** The targets form: the criterion, and one « share:<value> » field per value (a percentage, or blank). */
export const targetsSchema = z
	.record(z.string(), z.string())
	.superRefine((fields, context) => {
		for (const [key, text] of Object.entries(fields)) {
			if (!key.startsWith('share:') || text.trim() === '') continue;
			const share = Number(text.replace(',', '.'));
			if (!Number.isFinite(share) || share < 0 || share > 100)
				context.addIssue({
					code: 'custom',
					message: `« ${key.slice(6)} » : un pourcentage entre 0 et 100.`,
					path: ['']
				});
		}
	})
	.transform((fields) => ({
		criterion: fields.criterion ?? '',
		shares: Object.fromEntries(
			Object.entries(fields)
				.filter(([key, text]) => key.startsWith('share:') && text.trim() !== '')
				.map(([key, text]) => [key.slice(6), Number(text.replace(',', '.'))])
		)
	}));

/** Saves the officer's targets (percentages by value) for one criterion; a value left out has none. */
export async function saveTargets(
	db: Db,
	actor: Actor | null,
	criterion: string,
	shares: Record<string, number>
): Promise<void> {
	assertCan(actor, 'panel.manage');
	if (criterion === 'territoire')
		throw new InvalidInputError('Les territoires suivent la population des communes.');
	const parsed = Object.entries(shares).map(([value, share]) => ({ value, share }));
	await db.transaction().execute(async (tx) => {
		await tx.deleteFrom('panel_target').where('criterion', '=', criterion).execute();
		if (parsed.length)
			await tx
				.insertInto('panel_target')
				.values(parsed.map((p) => ({ criterion, value: p.value, share: p.share })))
				.execute();
		await recordAudit(tx, {
			actor,
			action: 'panel.targets',
			entityType: 'panel_target',
			entityId: criterion,
			after: parsed
		});
	});
}
