// The form that prepares a draw: its title, purpose, seats and seed, the pool,
// and one row of quota bounds per criterion value (« q<i>-min », « q<i>-max »).
import { z } from 'zod';
import { oneOf } from '$lib/codes';
import { PERSON_STATUSES } from '$lib/panel-vocabulary';
import type { DrawInput } from './draws';
import { OBJECTIVES } from './selection/objectives';

/** A number of seats: a whole number above zero, or null. */
export function readSeats(text: string | null | undefined): number | null {
	return text && /^\d{1,4}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export const drawFormSchema = z.record(z.string(), z.string()).transform((f, context) => {
	const text = (name: string) => f[name] ?? '';
	const quotas: DrawInput['quotas'] = [];
	const errors: string[] = [];
	for (let i = 0; `q${i}-criterion` in f; i++) {
		const min = text(`q${i}-min`);
		const max = text(`q${i}-max`);
		if (!/^\d{1,4}$/.test(min) || !/^\d{1,4}$/.test(max)) {
			errors.push(
				`« ${text(`q${i}-value`)} » : minimum et maximum doivent être des nombres entiers.`
			);
			continue;
		}
		quotas.push({
			criterion: text(`q${i}-criterion`),
			value: text(`q${i}-value`),
			min: Number(min),
			max: Number(max)
		});
	}
	const size = readSeats(text('size'));
	if (!size) errors.push('Indiquez un nombre de sièges entier et positif.');
	if (errors.length) {
		context.addIssue({ code: 'custom', message: errors.join(' '), path: [''] });
		return z.NEVER;
	}
	return {
		title: text('title'),
		purpose: text('purpose'),
		size: size!,
		householdRule: text('householdRule') === 'on',
		filters: {
			status: oneOf(PERSON_STATUSES, text('status'), 'actif'),
			territoryId: Number(text('territoryId')) || undefined,
			campaignId: Number(text('campaignId')) || undefined
		},
		quotas,
		seed: text('seed'),
		objective: oneOf(OBJECTIVES, text('objective'), 'leximin'),
		alternates: /^\d{1,3}$/.test(text('alternates')) ? Number(text('alternates')) : 0,
		confirmExtremes: text('confirmExtremes') === 'on'
	} satisfies DrawInput;
});

/** What the officer wrote, given back with any message: nothing to type again. */
export function drawFormValues(values: Record<string, string | string[]>) {
	const text = (name: string) => String(values[name] ?? '');
	return {
		title: text('title'),
		purpose: text('purpose'),
		seed: text('seed'),
		objective: text('objective') || 'leximin',
		alternates: text('alternates'),
		householdRule: values.householdRule !== undefined,
		bounds: Object.fromEntries(
			Object.keys(values)
				.filter((k) => /^q\d+-(min|max)$/.test(k))
				.map((k) => [k, text(k)])
		)
	};
}
