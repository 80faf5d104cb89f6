// Row ids posted by forms: one rule (one to nine digits) for every route.
import { wholeNumber } from '$lib/codes';

/** A posted row id; 0, which no row has, when it is not one, so the service answers « introuvable ». */
export function idField(data: FormData, key: string): number {
	return wholeNumber(data.get(key)) ?? 0;
}

/** The row ids ticked in a form (checkboxes sharing one name); anything else is left out. */
export function idFields(data: FormData, key: string): number[] {
	return data
		.getAll(key)
		.map(wholeNumber)
		.filter((id): id is number => id !== null);
}
