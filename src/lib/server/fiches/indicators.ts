import { z } from 'zod';
import type { Db, Executor } from '../db/database';
import type { Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { NotFoundError } from '../errors';
import { authorize } from '../auth/policy';

export interface Indicator {
	id: number;
	label: string;
	unit: string | null;
	values: Record<number, number>;
}

export const indicatorSchema = z.object({
	label: z
		.string({ error: 'Indiquez ce que mesure l’indicateur.' })
		.trim()
		.min(2, { error: 'Indiquez ce que mesure l’indicateur.' })
		.max(200, { error: 'Le libellé ne doit pas dépasser 200 caractères.' }),
	unit: z
		.string()
		.trim()
		.max(40, { error: 'L’unité ne doit pas dépasser 40 caractères.' })
		.default('')
});

export async function listIndicators(db: Executor, ficheId: number): Promise<Indicator[]> {
	const [indicators, values] = await Promise.all([
		db
			.selectFrom('indicator')
			.selectAll()
			.where('fiche_id', '=', ficheId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('indicator_value')
			.innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
			.select(['indicator_value.indicator_id', 'indicator_value.year', 'indicator_value.value'])
			.where('indicator.fiche_id', '=', ficheId)
			.execute()
	]);
	return indicators.map((i) => ({
		id: i.id,
		label: i.label,
		unit: i.unit,
		values: Object.fromEntries(
			values.filter((v) => v.indicator_id === i.id).map((v) => [v.year, v.value])
		)
	}));
}

async function editableFiche(db: Executor, actor: Actor | null, ref: string) {
	const fiche = await db
		.selectFrom('fiche')
		.select(['id', 'owner_user_id'])
		.where('ref', '=', ref)
		.executeTakeFirst();
	if (!fiche) throw new NotFoundError('Cette fiche-action n’existe pas.');
	await authorize(db, actor, 'fiche.edit', { ficheId: fiche.id });
	return fiche;
}

export async function addIndicator(
	db: Db,
	actor: Actor | null,
	ref: string,
	input: z.infer<typeof indicatorSchema>
): Promise<void> {
	const fiche = await editableFiche(db, actor, ref);
	await db.transaction().execute(async (tx) => {
		const { id } = await tx
			.insertInto('indicator')
			.values({
				fiche_id: fiche.id,
				label: input.label,
				unit: input.unit || null,
				position: Date.now() % 1e9
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(tx, {
			actor,
			action: 'indicator.added',
			entityType: 'fiche',
			entityId: ref,
			after: { id, ...input }
		});
	});
}

export async function removeIndicator(
	db: Db,
	actor: Actor | null,
	ref: string,
	indicatorId: number
): Promise<void> {
	const fiche = await editableFiche(db, actor, ref);
	await db.transaction().execute(async (tx) => {
		const indicator = await tx
			.selectFrom('indicator')
			.selectAll()
			.where('id', '=', indicatorId)
			.where('fiche_id', '=', fiche.id)
			.executeTakeFirst();
		if (!indicator) throw new NotFoundError('Cet indicateur n’existe pas.');
		await tx.deleteFrom('indicator').where('id', '=', indicatorId).execute();
		await recordAudit(tx, {
			actor,
			action: 'indicator.removed',
			entityType: 'fiche',
			entityId: ref,
			before: { label: indicator.label, unit: indicator.unit }
		});
	});
}
