// Route parameters turned into values, or a 404 page: the matchers in
// src/params/ already refuse what is not a number.
import { wholeNumber } from '$lib/codes';
import { error } from '@sveltejs/kit';

export function idParam(value: string): number {
	const id = wholeNumber(value);
	if (id === null) error(404, 'Élément introuvable.');
	return id;
}

export function parseYear(raw: string): number {
	const year = Number(raw);
	if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100)
		error(404, { message: 'Ce bilan n’existe pas.' });
	return year;
}
