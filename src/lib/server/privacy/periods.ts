// The retention periods in force: the table's defaults, shortened where an
// administrator chose to. A period can never be made longer than the default.
import { z } from 'zod';
import type { Executor } from '../db/database';
import { assertCan, type Actor } from '../auth/permissions';
import { recordAudit } from '../audit/audit';
import { InvalidInputError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings';
import {
	comparePeriods,
	formatPeriod,
	isAdjustable,
	PURPOSES,
	type Period,
	type Purpose
} from './purposes';

const SETTING_KEY = 'retention_periods';

/** The periods an administrator chose, by purpose, in the unit of each; a purpose left out keeps its default. */
export type ChosenPeriods = Record<string, number>;

/** The periods form: one field « period.<purpose> » per purpose, blank for the default. */
export const chosenPeriodsSchema = z
	.record(z.string(), z.string())
	.superRefine((fields, context) => {
		for (const [name, value] of Object.entries(fields))
			if (name.startsWith('period.') && !/^\s*(\d{1,4})?\s*$/.test(value))
				context.addIssue({ code: 'custom', message: 'Indiquez un nombre entier.', path: [name] });
	})
	.transform((fields): ChosenPeriods => {
		const chosen: ChosenPeriods = {};
		for (const [name, value] of Object.entries(fields))
			if (name.startsWith('period.') && value.trim()) chosen[name.slice(7)] = Number(value);
		return chosen;
	});

export type RetentionPeriods = Record<string, Period>;

/** What an administrator saved: a value per adjustable purpose, in the purpose's unit. */
type SavedValues = Record<string, number>;

function inForce(purpose: Purpose, saved: SavedValues): Period {
	const value = saved[purpose.code];
	if (!isAdjustable(purpose) || typeof value !== 'number') return purpose.period;
	const chosen = { value, unit: purpose.period.unit };
	const withinBounds =
		comparePeriods(chosen, purpose.period) <= 0 && comparePeriods(chosen, purpose.minimum) >= 0;
	return withinBounds ? chosen : purpose.period;
}

export async function getRetentionPeriods(db: Executor): Promise<RetentionPeriods> {
	const saved = await readSetting<SavedValues>(db, SETTING_KEY, {});
	return Object.fromEntries(PURPOSES.map((purpose) => [purpose.code, inForce(purpose, saved)]));
}

/** The day the periods were last changed by an administrator, if ever. */
export async function retentionChangedOn(db: Executor): Promise<Date | null> {
	const row = await db
		.selectFrom('setting')
		.select('updated_at')
		.where('key', '=', SETTING_KEY)
		.executeTakeFirst();
	return row ? new Date(row.updated_at) : null;
}

/**
 * Shortens (or restores) periods. Input is the raw form: one text value per
 * purpose code; an empty value restores the default.
 */
export async function changeRetentionPeriods(
	db: Executor,
	actor: Actor | null,
	input: ChosenPeriods
): Promise<RetentionPeriods> {
	assertCan(actor, 'privacy.manage');
	const before = await getRetentionPeriods(db);
	const saved: SavedValues = {};
	for (const purpose of PURPOSES.filter(isAdjustable)) {
		const value = input[purpose.code];
		if (value === undefined) continue;
		const chosen = { value, unit: purpose.period.unit };
		if (comparePeriods(chosen, purpose.period) > 0)
			throw new InvalidInputError(
				`La durée ne peut pas dépasser ${formatPeriod(purpose.period)}.`,
				`period.${purpose.code}`
			);
		if (comparePeriods(chosen, purpose.minimum) < 0)
			throw new InvalidInputError(
				`La durée ne peut pas être inférieure à ${formatPeriod(purpose.minimum)}.`,
				`period.${purpose.code}`
			);
		if (chosen.value !== purpose.period.value) saved[purpose.code] = chosen.value;
	}
	await writeSetting(db, SETTING_KEY, saved);
	const after = await getRetentionPeriods(db);
	const changed = PURPOSES.filter((p) => comparePeriods(before[p.code], after[p.code]) !== 0);
	if (changed.length)
		await recordAudit(db, {
			actor,
			action: 'retention.periods_changed',
			entityType: 'setting',
			entityId: SETTING_KEY,
			before: Object.fromEntries(changed.map((p) => [p.code, formatPeriod(before[p.code])])),
			after: Object.fromEntries(changed.map((p) => [p.code, formatPeriod(after[p.code])]))
		});
	return after;
}
