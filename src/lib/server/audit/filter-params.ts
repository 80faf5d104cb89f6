// The journal's filters as the address carries them (?personne=&action=&type=
// &element=&du=&au=), shared by the page and its CSV export.
import { wholeNumber } from '$lib/codes';
import { parisLocalToDate } from '$lib/paris-time';
import type { AuditFilter } from './audit';

export interface AuditFilterForm {
	personne: string;
	action: string;
	type: string;
	element: string;
	du: string;
	au: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(day: string): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function readAuditFilter(params: URLSearchParams): {
	filter: AuditFilter;
	form: AuditFilterForm;
	errors: string[];
} {
	const text = (name: string, max = 100) => (params.get(name) ?? '').trim().slice(0, max);
	const form: AuditFilterForm = {
		personne: text('personne', 12),
		action: text('action'),
		type: text('type', 50),
		element: text('element'),
		du: text('du', 10),
		au: text('au', 10)
	};
	const errors: string[] = [];
	const filter: AuditFilter = {
		action: form.action || undefined,
		entityType: form.type || undefined,
		entityId: form.element || undefined
	};
	if (form.personne === 'systeme') filter.actor = 'systeme';
	else filter.actor = wholeNumber(form.personne) ?? undefined;
	const day = (value: string, label: string): Date | undefined => {
		if (!value) return undefined;
		const instant = DAY.test(value) ? parisLocalToDate(`${value}T00:00`) : null;
		if (!instant)
			errors.push(`La date ${label} « ${value} » n’est pas une date : elle est ignorée.`);
		return instant ?? undefined;
	};
	filter.from = day(form.du, 'de début');
	if (day(form.au, 'de fin'))
		filter.to = parisLocalToDate(`${nextDay(form.au)}T00:00`) ?? undefined;
	if (filter.from && filter.to && filter.from >= filter.to)
		errors.push('La date de fin est avant la date de début : aucune modification ne peut y être.');
	return { filter, form, errors };
}
