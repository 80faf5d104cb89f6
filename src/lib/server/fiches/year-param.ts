import { error } from '@sveltejs/kit';

export function parseYear(raw: string): number {
	const year = Number(raw);
	if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100)
		error(404, { message: 'Ce bilan n’existe pas.' });
	return year;
}
